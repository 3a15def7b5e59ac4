package io.chorus.core.rtp.codec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;

/**
 * Test support for RTP captured from another implementation: whole RTP packets in hex, one
 * packet per paragraph, and frames compared by SHA-256 with what the same encoder wrote to a file.
 */
public final class Captures {
    private Captures() {
    }

    public static List<RtpPacket> packets(String paragraphs) throws MalformedPacketException {
        List<RtpPacket> packets = new ArrayList<>();
        for (String paragraph : paragraphs.strip().split("\n\\s*\n")) {
            byte[] bytes = HexFormat.of().parseHex(paragraph.replaceAll("\\s", ""));
            packets.add(RtpPacket.parse(bytes, 0, bytes.length));
        }
        return packets;
    }

    public static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
