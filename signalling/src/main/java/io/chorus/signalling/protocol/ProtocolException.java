package io.chorus.signalling.protocol;

import io.chorus.signalling.conference.ConferenceException;

/** A client message the server refuses; becomes an {@code error} message, never a closed socket. */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    static final int MAX_QUOTED = 32;

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

    /** Client text quoted back in an error, cut to {@value #MAX_QUOTED} characters: replies must not grow with the input. */
    public static String shortened(String clientText) {
        return clientText.length() <= MAX_QUOTED ? clientText : clientText.substring(0, MAX_QUOTED) + "...";
    }
}
