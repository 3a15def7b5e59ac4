package io.chorus.signalling.protocol;

import io.chorus.signalling.conference.ConferenceException;

/** A client message the server refuses; becomes an {@code error} message, never a closed socket. */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** A conference refusal, reported to the client as its protocol error. */
    public ProtocolException(ConferenceException refused) {
        this(ErrorCode.of(refused.refusal()), refused.getMessage());
    }

    public ErrorCode code() {
        return code;
    }
}
