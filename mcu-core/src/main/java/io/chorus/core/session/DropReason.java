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
    MALFORMED_PAYLOAD
}
