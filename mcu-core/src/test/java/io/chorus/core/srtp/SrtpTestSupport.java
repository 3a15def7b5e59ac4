package io.chorus.core.srtp;

import io.chorus.core.rtp.RtpPacket;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** Hex parsing and packet builders shared by the SRTP tests. */
final class SrtpTestSupport {
    private SrtpTestSupport() {
    }

    /** Parses hex, ignoring the spaces the RFCs group octets with. */
    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    /** Hex as {@link #hex(byte[], int, int)} prints it, for comparing against RFC text. */
    static String canonical(String text) {
        return text.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    static String hex(byte[] bytes, int offset, int length) {
        return HexFormat.of().formatHex(bytes, offset, offset + length);
    }

    /** A context whose SRTP and SRTCP use the same published session keys, as the RFC 7714 vectors do. */
    static SrtpContext withSessionKeys(SrtpProfile profile, SessionKeys keys) {
        return new SrtpContext(profile, keys, keys);
    }

    static SrtpMasterKey masterKey(SrtpProfile profile, int seed) {
        byte[] key = new byte[profile.masterKeyLength()];
        byte[] salt = new byte[profile.masterSaltLength()];
        Arrays.fill(key, (byte) seed);
        Arrays.fill(salt, (byte) (seed + 1));
        return new SrtpMasterKey(key, salt);
    }

    /** A 12-byte-header RTP packet with a recognisable payload and {@code tail} spare bytes. */
    static byte[] rtp(int seq, long ssrc, int payloadLength, int tail) {
        byte[] payload = new byte[payloadLength];
        for (int i = 0; i < payloadLength; i++) {
            payload[i] = (byte) (seq + i);
        }
        return RtpPacket.create(111, seq, 1000L * seq, ssrc, false, payload, 0, payloadLength, tail).buffer();
    }

    /** A 28-byte receiver report (one report block worth of filler) with {@code tail} spare bytes. */
    static byte[] rtcp(long ssrc, int tail) {
        byte[] packet = new byte[28 + tail];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) 201;
        RtpPacket.writeUint16(packet, 2, 6);
        RtpPacket.writeUint32(packet, 4, ssrc);
        for (int i = 8; i < 28; i++) {
            packet[i] = (byte) i;
        }
        return packet;
    }
}
