package io.chorus.recorder.mux;

import io.chorus.mixer.codec.VideoCodec;
import java.util.Objects;

/**
 * One elementary stream of a {@link Muxer}: which codec, the clock its timestamps count in (RTP
 * clocks: 90 kHz video, 48 kHz audio) and what the container needs to know about it up front.
 *
 * @param codec          what the packets hold
 * @param clockRate      timestamps passed to {@link Muxer#write} count in 1/clockRate seconds
 * @param channels       audio channels (0 for video)
 * @param extradata      codec configuration known before the first packet (AAC AudioSpecificConfig);
 *                       null when the muxer derives it (Opus head, H.264 SPS/PPS from the first key frame)
 * @param frameTicks     nominal packet duration in clock ticks (960 for 20 ms Opus, 1024 for AAC), 0 if unknown
 * @param width          video picture size; 0x0 takes it from the first key frame (VP8 only: its header
 *                       carries the size; an H.264 SPS is not parsed here)
 */
public record MuxStream(MuxCodec codec, int clockRate, int channels, byte[] extradata, int frameTicks, int width,
        int height) {
    public static final int VIDEO_CLOCK = 90_000;
    public static final int AUDIO_CLOCK = 48_000;

    public MuxStream {
        Objects.requireNonNull(codec, "codec");
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        if (codec.video() != (channels == 0)) {
            throw new IllegalArgumentException(codec + " stream with " + channels + " channels");
        }
        if (codec == MuxCodec.AAC && (extradata == null || extradata.length < 2)) {
            throw new IllegalArgumentException("an AAC stream needs its AudioSpecificConfig");
        }
        if (width < 0 || height < 0 || (width == 0) != (height == 0) || (!codec.video() && width != 0)) {
            throw new IllegalArgumentException(codec + " stream with picture size " + width + "x" + height);
        }
        if (codec == MuxCodec.H264 && width == 0) {
            throw new IllegalArgumentException("an H.264 stream needs its picture size");
        }
        extradata = extradata == null ? null : extradata.clone();
    }

    /** A video stream of a known picture size. */
    public static MuxStream video(VideoCodec codec, int width, int height) {
        return new MuxStream(codec == VideoCodec.VP8 ? MuxCodec.VP8 : MuxCodec.H264, VIDEO_CLOCK, 0, null, 0, width, height);
    }

    /** A VP8 stream whose picture size is read from its first key frame. */
    public static MuxStream vp8() {
        return new MuxStream(MuxCodec.VP8, VIDEO_CLOCK, 0, null, 0, 0, 0);
    }

    /** Opus at 48 kHz with 20 ms packets; {@code channels} is what the OpusHead announces (1 or 2). */
    public static MuxStream opus(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("Opus channels must be 1 or 2: " + channels);
        }
        return new MuxStream(MuxCodec.OPUS, AUDIO_CLOCK, channels, null, 960, 0, 0);
    }

    /** AAC-LC at 48 kHz, mono, described by the encoder's AudioSpecificConfig. */
    public static MuxStream aac(byte[] audioSpecificConfig) {
        return new MuxStream(MuxCodec.AAC, AUDIO_CLOCK, 1, audioSpecificConfig, 1024, 0, 0);
    }

    @Override
    public byte[] extradata() {
        return extradata == null ? null : extradata.clone();
    }
}
