package io.chorus.core.session;

/**
 * Where the session's outgoing RTP and RTCP go: protected and sent by {@link SecureTransport} in
 * service, recorded in tests of the feedback loop.
 */
interface PacketTransport {
    /** Protects in place (room for the tag after {@code length} required) and sends; -1 if not sent. */
    int sendRtp(byte[] buffer, int offset, int length);

    /** Like {@link #sendRtp} for an RTCP compound packet. */
    int sendRtcp(byte[] buffer, int offset, int length);

    /** Sends bytes already protected, e.g. a retransmission of a stored packet. */
    void sendProtected(byte[] buffer, int offset, int length);
}
