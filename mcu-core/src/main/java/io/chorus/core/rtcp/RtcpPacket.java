package io.chorus.core.rtcp;

/**
 * One RTCP packet of a compound packet (RFC 3550 section 6). Every implementation is immutable and
 * knows how to serialise itself; parsing lives in {@link RtcpParser}.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, Sdes, Bye, GenericNack, Pli, Fir, Remb, TransportCcFeedback,
        UnknownRtcp {

    /** Number of bytes {@link #writeTo} writes, a multiple of 4. */
    int length();

    /** Writes the packet, header included, at {@code offset}; returns the bytes written, equal to {@link #length()}. */
    int writeTo(byte[] buf, int offset);
}
