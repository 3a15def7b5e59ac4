package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.EAGAIN;
import static io.chorus.mixer.codec.FfmpegException.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Encodes the mixer's 20 ms mono frames to AAC-LC (48 kHz mono) for MP4 files and RTMP, with
 * FFmpeg's native encoder. AAC frames hold {@value #SAMPLES_PER_AAC_FRAME} samples, so the 960-sample
 * input is regrouped: one call gives zero, one or (after the encoder's priming delay) several frames.
 *
 * <p>Timestamps stay on the caller's 48 kHz clock: each AAC frame carries the input timestamp of its
 * first sample minus the encoder's priming delay ({@link #primingSamples()}), as FFmpeg reports it,
 * so a muxer that honours the container's edit/priming information keeps audio aligned with video.
 * The input is assumed continuous (the mixer emits one frame every 20 ms without gaps); only the first
 * frame's timestamp anchors the clock. Not thread-safe; use from one thread at a time.
 */
public final class AacEncoder implements AutoCloseable {
    public static final int SAMPLES_PER_AAC_FRAME = 1024;
    public static final int MIN_BITRATE_BPS = 16_000;
    public static final int MAX_BITRATE_BPS = 320_000;
    private static final float SCALE = 1f / 32768f;

    private final CodecResources resources = new CodecResources("encoder");
    private final AVFrame input;
    private final AVPacket output;
    private final float[] pending = new float[SAMPLES_PER_AAC_FRAME];
    private int pendingSamples;
    /** 48 kHz timestamp of {@code pending[0]}; meaningful once the first frame arrived. */
    private long pendingTimestamp;
    private boolean started;
    private final byte[] extradata;

    public AacEncoder(int bitrateBps) {
        if (bitrateBps < MIN_BITRATE_BPS || bitrateBps > MAX_BITRATE_BPS) {
            throw new IllegalArgumentException("AAC bitrate must be " + MIN_BITRATE_BPS + ".." + MAX_BITRATE_BPS
                    + " bit/s: " + bitrateBps);
        }
        try {
            resources.use(openContext(bitrateBps));
            AVCodecContext context = resources.context();
            if (context.frame_size() != SAMPLES_PER_AAC_FRAME) {
                throw new IllegalStateException("aac encoder opened with frame size " + context.frame_size()
                        + "; expected " + SAMPLES_PER_AAC_FRAME);
            }
            extradata = new byte[context.extradata_size()];
            context.extradata().get(extradata);
            input = resources.own(Codecs.monoAudio(AV_SAMPLE_FMT_FLTP, SAMPLES_PER_AAC_FRAME));
            output = resources.own(Codecs.packet());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /** The AudioSpecificConfig (MP4 {@code esds}, FLV sequence header). */
    public byte[] extradata() {
        return extradata.clone();
    }

    /** Samples the encoder delays its output by; the first frame's timestamp is this much before the input's. */
    public int primingSamples() {
        return resources.context().initial_padding();
    }

    /**
     * Adds one 20 ms frame.
     *
     * @param timestamp48k the 48 kHz timestamp of {@code pcm960[0]}
     * @return the AAC frames completed by it (often empty), timestamps on the same 48 kHz clock
     */
    public List<EncodedFrame> encode(short[] pcm960, long timestamp48k) {
        resources.ensureOpen();
        if (pcm960.length != AudioFormat.SAMPLES_PER_FRAME) {
            throw new IllegalArgumentException("a frame is " + AudioFormat.SAMPLES_PER_FRAME + " samples, got " + pcm960.length);
        }
        if (!started) {
            pendingTimestamp = timestamp48k;
            started = true;
        }
        List<EncodedFrame> frames = new ArrayList<>(2);
        int used = 0;
        while (used < pcm960.length) {
            int take = Math.min(pcm960.length - used, SAMPLES_PER_AAC_FRAME - pendingSamples);
            for (int i = 0; i < take; i++) {
                pending[pendingSamples + i] = pcm960[used + i] * SCALE;
            }
            pendingSamples += take;
            used += take;
            if (pendingSamples == SAMPLES_PER_AAC_FRAME) {
                sendPending(SAMPLES_PER_AAC_FRAME);
                receiveInto(frames);
            }
        }
        return frames;
    }

    /** Encodes what is buffered (padded with silence) and drains the encoder; the encoder is finished after it. */
    public List<EncodedFrame> flush() {
        AVCodecContext context = resources.context();
        List<EncodedFrame> frames = new ArrayList<>();
        if (pendingSamples > 0) {
            sendPending(pendingSamples);
        }
        check(avcodec_send_frame(context, null), "avcodec_send_frame(flush)");
        receiveInto(frames);
        return frames;
    }

    @Override
    public void close() {
        resources.close();
    }

    private void sendPending(int samples) {
        check(av_frame_make_writable(input), "av_frame_make_writable");
        input.nb_samples(samples);
        new FloatPointer(input.data(0)).put(pending, 0, samples);
        input.pts(pendingTimestamp);
        check(avcodec_send_frame(resources.context(), input), "avcodec_send_frame");
        pendingTimestamp += samples;
        pendingSamples = 0;
    }

    private void receiveInto(List<EncodedFrame> frames) {
        int ret;
        while ((ret = avcodec_receive_packet(resources.context(), output)) >= 0) {
            try {
                byte[] data = new byte[output.size()];
                output.data().get(data, 0, data.length);
                frames.add(EncodedFrame.audio(data, output.pts()));
            } finally {
                av_packet_unref(output);
            }
        }
        if (ret != EAGAIN && ret != AVERROR_EOF) {
            check(ret, "avcodec_receive_packet");
        }
    }

    private static AVCodecContext openContext(int bitrateBps) {
        return Codecs.open(Codecs.encoder("aac"), c -> {
            try (AVRational timeBase = new AVRational().num(1).den(AudioFormat.SAMPLE_RATE)) {
                c.sample_rate(AudioFormat.SAMPLE_RATE).sample_fmt(AV_SAMPLE_FMT_FLTP).bit_rate(bitrateBps);
                c.time_base(timeBase);
                av_channel_layout_uninit(c.ch_layout());
                av_channel_layout_default(c.ch_layout(), 1);
                // Containers (MP4, FLV) carry the AudioSpecificConfig once instead of ADTS headers per frame.
                c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
        });
    }
}
