package io.chorus.core.rtp.codec;

/** One RTP payload produced by a packetizer, with the marker bit its packet must carry. */
public record RtpPayload(byte[] data, boolean marker) {
}
