package io.chorus.core.sdp;

/** An offer or answer that cannot be parsed or negotiated; the message says which line and why. */
public class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
