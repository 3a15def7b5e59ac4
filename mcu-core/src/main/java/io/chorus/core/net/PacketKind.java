package io.chorus.core.net;

/** What a datagram on the shared media port carries, decided from its first bytes. */
public enum PacketKind {
    STUN, DTLS, RTP, RTCP, UNKNOWN
}
