package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.EAGAIN;
import static io.chorus.mixer.codec.FfmpegException.check;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import io.chorus.mixer.audio.AudioFormat;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Encodes the mixer's 20 ms mono frames to Opus for WebRTC receivers.
 *
 * <p>Application "voip": in-band FEC is a SILK feature (LBRR), and "lowdelay" restricts libopus to
 * CELT, which would silently turn FEC off while saving only 2.5 ms of look-ahead; voip also favours
 * speech intelligibility, which is what a conference carries. FEC is on with an expected loss of
 * {@value #EXPECTED_LOSS_PERCENT}% so receivers can rebuild a lost frame from the next packet.
 *
 * <p>Bitrate changes: FFmpeg 8.0's libopusenc.c applies {@code bit_rate} only when the encoder opens,
 * so {@link #setBitrate} reopens it. That is cheap (well under a millisecond) but restarts libopus'
 * state: the next packets start from a fresh encoder, an audible discontinuity of a few milliseconds
 * at most, so change the rate on real steps only. Not thread-safe; use from one thread at a time.
 */
public final class OpusEncoder implements AutoCloseable {
    /** The largest single-frame Opus packet (RFC 6716: 1275 bytes of frame plus the TOC). */
    public static final int MAX_PACKET_BYTES = 1276;
    public static final int MIN_BITRATE_BPS = 6_000;
    public static final int MAX_BITRATE_BPS = 256_000;
    static final int EXPECTED_LOSS_PERCENT = 10;
    /**
     * libopus complexity, chosen by measurement (bytedeco's FFmpeg 8.0.1, 32 kb/s mono voip with FEC,
     * 60 s of speech and of tones + noise, 2-core host): 5 costs about 0.021 core per encoder against
     * 0.035-0.043 at libopus' default 10, keeps the full 20 kHz band (0 and 1 stop at 8 kHz), and
     * takes the one large quality step (at 4); 8, 9 and 10 give bit-identical output here and cost
     * 0.3 dB less log-spectral distance for 70% more CPU. Details in docs/benchmarks.md.
     */
    static final int COMPLEXITY = 5;

    private final AVCodec encoder;
    private final CodecResources resources = new CodecResources("encoder");
    private final AVFrame input;
    private final AVPacket output;
    private int bitrate;
    private long nextPts;

    public OpusEncoder(int bitrateBps) {
        checkBitrate(bitrateBps);
        this.encoder = Codecs.encoder("libopus");
        this.bitrate = bitrateBps;
        try {
            resources.use(openContext(bitrateBps));
            input = resources.own(Codecs.monoAudio(AV_SAMPLE_FMT_S16, AudioFormat.SAMPLES_PER_FRAME));
            output = resources.own(Codecs.packet());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /** Current target bitrate in bit/s. */
    public int bitrate() {
        return bitrate;
    }

    /**
     * Encodes one 20 ms frame ({@link AudioFormat#SAMPLES_PER_FRAME} samples).
     *
     * @return the Opus packet
     */
    public byte[] encode(short[] pcm) {
        AVCodecContext context = resources.context();
        if (pcm.length != AudioFormat.SAMPLES_PER_FRAME) {
            throw new IllegalArgumentException("a frame is " + AudioFormat.SAMPLES_PER_FRAME + " samples, got " + pcm.length);
        }
        check(av_frame_make_writable(input), "av_frame_make_writable");
        new ShortPointer(input.data(0)).put(pcm, 0, pcm.length);
        input.pts(nextPts);
        nextPts += pcm.length;
        check(avcodec_send_frame(context, input), "avcodec_send_frame");
        int ret = avcodec_receive_packet(context, output);
        if (ret == EAGAIN) {
            throw new IllegalStateException("libopus returned no packet for a full frame");
        }
        check(ret, "avcodec_receive_packet");
        try {
            byte[] packet = new byte[output.size()];
            output.data().get(packet, 0, packet.length);
            return packet;
        } finally {
            av_packet_unref(output);
        }
    }

    /** Changes the target bitrate by reopening the encoder (see the class comment). */
    public void setBitrate(int bitrateBps) {
        resources.ensureOpen();
        checkBitrate(bitrateBps);
        if (bitrateBps == bitrate) {
            return;
        }
        resources.use(openContext(bitrateBps));
        bitrate = bitrateBps;
    }

    @Override
    public void close() {
        resources.close();
    }

    private AVCodecContext openContext(int bitrateBps) {
        return Codecs.open(encoder, c -> {
            c.sample_rate(AudioFormat.SAMPLE_RATE).sample_fmt(AV_SAMPLE_FMT_S16).bit_rate(bitrateBps)
                    .compression_level(COMPLEXITY);
            av_channel_layout_uninit(c.ch_layout());
            av_channel_layout_default(c.ch_layout(), 1);
            Codecs.option(c, "application", "voip");
            Codecs.option(c, "frame_duration", AudioFormat.FRAME_MILLIS);
            Codecs.option(c, "fec", 1);
            Codecs.option(c, "packet_loss", EXPECTED_LOSS_PERCENT);
        });
    }

    private static void checkBitrate(int bitrateBps) {
        if (bitrateBps < MIN_BITRATE_BPS || bitrateBps > MAX_BITRATE_BPS) {
            throw new IllegalArgumentException("Opus bitrate must be " + MIN_BITRATE_BPS + ".." + MAX_BITRATE_BPS
                    + " bit/s: " + bitrateBps);
        }
    }
}
