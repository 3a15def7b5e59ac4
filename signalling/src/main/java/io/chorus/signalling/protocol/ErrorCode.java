package io.chorus.signalling.protocol;

import io.chorus.signalling.conference.ConferenceException.Refusal;

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
    ROOM_LOCKED("room-locked"),
    NOT_MODERATOR("not-moderator"),
    CHAT_TOO_FAST("chat-too-fast"),
    AUTH_REQUIRED("auth-required"),
    INVALID_TOKEN("invalid-token"),
    TOKEN_EXPIRED("token-expired"),
    TOKEN_MISMATCH("token-mismatch"),
    TOO_MANY_OUTPUTS("too-many-outputs"),
    NO_DISK_SPACE("insufficient-storage"),
    TOKEN_IN_USE("token-in-use"),
    AUTH_DISABLED("auth-disabled"),
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

    /** The code a client gets when the conference layer refuses something. */
    public static ErrorCode of(Refusal refusal) {
        return switch (refusal) {
            case ROOM_NOT_FOUND -> ROOM_NOT_FOUND;
            case ROOM_EXISTS -> ROOM_EXISTS;
            case ROOM_FULL -> ROOM_FULL;
            case TOO_MANY_ROOMS -> TOO_MANY_ROOMS;
            case ROOM_CLOSED -> ROOM_CLOSED;
            case ROOM_LOCKED -> ROOM_LOCKED;
            case PARTICIPANT_NOT_FOUND -> PARTICIPANT_NOT_FOUND;
            case RECORDING_NOT_FOUND -> RECORDING_NOT_FOUND;
            case BROADCAST_NOT_FOUND -> BROADCAST_NOT_FOUND;
            case RECORDING_FAILED -> RECORDING_FAILED;
            case TOO_MANY_OUTPUTS -> TOO_MANY_OUTPUTS;
            case NO_DISK_SPACE -> NO_DISK_SPACE;
            case INVALID_ARGUMENT -> INVALID_FIELD;
            case INVALID_SDP -> INVALID_SDP;
            case OFFER_ALREADY_ACCEPTED -> OFFER_ALREADY_ACCEPTED;
            case INVALID_CANDIDATE -> INVALID_CANDIDATE;
            case INTERNAL -> INTERNAL_ERROR;
        };
    }
}
