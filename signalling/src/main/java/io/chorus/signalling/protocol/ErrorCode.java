package io.chorus.signalling.protocol;

/**
 * Stable machine-readable error codes of the WebSocket protocol. Clients switch on these, so a
 * code is never renamed; new ones may be added.
 */
public enum ErrorCode {
    MESSAGE_TOO_LARGE("message-too-large"),
    INVALID_JSON("invalid-json"),
    MISSING_FIELD("missing-field"),
    INVALID_FIELD("invalid-field"),
    UNKNOWN_TYPE("unknown-type"),
    NOT_JOINED("not-joined"),
    ALREADY_JOINED("already-joined"),
    INVALID_ROOM("invalid-room"),
    ROOM_NOT_FOUND("room-not-found"),
    ROOM_EXISTS("room-exists"),
    PARTICIPANT_NOT_FOUND("participant-not-found"),
    RECORDING_NOT_FOUND("recording-not-found"),
    BROADCAST_NOT_FOUND("broadcast-not-found"),
    RECORDING_FAILED("recording-failed"),
    ROOM_FULL("room-full"),
    TOO_MANY_ROOMS("too-many-rooms"),
    ROOM_CLOSED("room-closed"),
    AUTH_REQUIRED("auth-required"),
    INVALID_TOKEN("invalid-token"),
    TOKEN_EXPIRED("token-expired"),
    TOKEN_MISMATCH("token-mismatch"),
    INVALID_SDP("invalid-sdp"),
    OFFER_ALREADY_ACCEPTED("offer-already-accepted"),
    INVALID_CANDIDATE("invalid-candidate"),
    UNSUPPORTED_FRAME("unsupported-frame"),
    INTERNAL_ERROR("internal-error");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
