package io.chorus.core;

/**
 * Thrown by every wire-format parser in mcu-core when input is not what the format allows.
 * Checked on purpose: callers on the packet path must decide to log, count and drop, so one
 * bad packet never tears down a session.
 */
public class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }

    public MalformedPacketException(String message, Throwable cause) {
        super(message, cause);
    }
}
