package io.chorus.core.srtp;

/**
 * A packet SRTP refused to protect or unprotect. Checked so the packet path must decide to count
 * and drop; the context's state is unchanged, so the next good packet is processed normally.
 */
public final class SrtpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a packet was refused; callers count these separately. */
    public enum Reason {
        /** The authentication tag did not verify: forged, corrupted or keyed differently. */
        AUTH_FAILED,
        /** The packet index was already seen (or, when protecting, already used). */
        REPLAYED,
        /** The packet index lies behind the replay window, so freshness cannot be decided. */
        TOO_OLD,
        /** Too short, not version 2, or a header that runs past the end. */
        MALFORMED
    }

    private final Reason reason;

    /**
     * Built without a stack trace: refusals are expected traffic (a peer or attacker can cause one
     * per packet at line rate) and are counted, not debugged.
     */
    public SrtpException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason + ": " + super.getMessage();
    }
}
