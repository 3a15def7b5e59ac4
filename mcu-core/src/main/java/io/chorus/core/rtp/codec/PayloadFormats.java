package io.chorus.core.rtp.codec;

import java.util.Locale;

import io.chorus.core.rtp.codec.h264.H264Format;
import io.chorus.core.rtp.codec.h264.H264Packetizer;
import io.chorus.core.rtp.codec.opus.OpusDepacketizer;
import io.chorus.core.rtp.codec.opus.OpusPacketizer;
import io.chorus.core.rtp.codec.vp8.Vp8Format;
import io.chorus.core.rtp.codec.vp8.Vp8Packetizer;

/** The payload formats by their SDP encoding name. */
public final class PayloadFormats {
    private PayloadFormats() {
    }

    public static Depacketizer depacketizer(String encoding) {
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "VP8" -> new VideoFrameAssembler(new Vp8Format());
            case "H264" -> new VideoFrameAssembler(new H264Format());
            case "OPUS" -> new OpusDepacketizer();
            default -> throw new IllegalArgumentException("no depacketizer for " + encoding);
        };
    }

    public static Packetizer packetizer(String encoding) {
        return packetizer(encoding, Packetizer.DEFAULT_MTU);
    }

    /** @param mtu most bytes of RTP payload per packet (Opus packets are never split) */
    public static Packetizer packetizer(String encoding, int mtu) {
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "VP8" -> new Vp8Packetizer(mtu);
            case "H264" -> new H264Packetizer(mtu);
            case "OPUS" -> new OpusPacketizer();
            default -> throw new IllegalArgumentException("no packetizer for " + encoding);
        };
    }
}
