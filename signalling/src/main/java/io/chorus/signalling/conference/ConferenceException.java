package io.chorus.signalling.conference;

/**
 * A conference operation refused, with the reason a client or operator can act on. The protocol
 * and the REST API each turn the {@link Refusal} into their own error code or HTTP status.
 */
public final class ConferenceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why; stable, since clients switch on what each front end makes of it. */
    public enum Refusal {
        ROOM_NOT_FOUND,
        ROOM_EXISTS,
        ROOM_FULL,
        TOO_MANY_ROOMS,
        ROOM_CLOSED,
        /** The room is locked and the joiner is no moderator. */
        ROOM_LOCKED,
        PARTICIPANT_NOT_FOUND,
        RECORDING_NOT_FOUND,
        BROADCAST_NOT_FOUND,
        RECORDING_FAILED,
        /** The room already has as many recordings or broadcasts as it may. */
        TOO_MANY_OUTPUTS,
        /** The recording directory's disk has less free space than a recording may start with. */
        NO_DISK_SPACE,
        /** A value out of its range or of the wrong kind (a gain, a format, a URL). */
        INVALID_ARGUMENT,
        INVALID_SDP,
        OFFER_ALREADY_ACCEPTED,
        INVALID_CANDIDATE,
        /** The server could not do its part (e.g. open a media transport); see its log. */
        INTERNAL
    }

    private final Refusal refusal;

    public ConferenceException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
