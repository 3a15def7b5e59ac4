package io.chorus.core.session;

/** Why a received packet was not used; every drop is counted under one of these. */
public enum DropReason {
    UNKNOWN_PROTOCOL,
    BEFORE_KEYS,
    SRTP_AUTH_FAILED,
    SRTP_REPLAYED,
    SRTP_MALFORMED,
    MALFORMED_RTP,
    MALFORMED_RTCP,
    UNKNOWN_PAYLOAD_TYPE,
    MALFORMED_PAYLOAD,
    /** A new SSRC while the m-line already has its streams, none of them silent long enough to be replaced. */
    TOO_MANY_STREAMS,
    /** A datagram after the DTLS handshake whose records are malformed (Bouncy Castle would close on some). */
    MALFORMED_DTLS
}
