package io.chorus.core.feedback;

/** The RTCP message by which a key frame can be requested from a remote sender. */
public enum KeyFrameMethod {
    /** Picture Loss Indication (RFC 4585 section 6.3.1), negotiated as {@code a=rtcp-fb:* nack pli}. */
    PLI,
    /** Full Intra Request (RFC 5104 section 4.3.1), negotiated as {@code a=rtcp-fb:* ccm fir}. */
    FIR,
    /** Neither was negotiated: no key frame can be requested. */
    NONE;

    /** PLI when negotiated, as browsers prefer it; otherwise FIR when negotiated. */
    public static KeyFrameMethod negotiated(boolean nackPli, boolean ccmFir) {
        if (nackPli) {
            return PLI;
        }
        return ccmFir ? FIR : NONE;
    }
}
