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
 * {@link OpusEncoder} through FFmpeg's libopus wrapper and the libopus linked into bytedeco's
 * libavcodec, with the settings of {@link OpusSettings}.
 *
 * <p>Bitrate changes: FFmpeg 8.0's libopusenc.c applies {@code bit_rate} only when the encoder opens,
 * so {@link #setBitrate} reopens it. That is cheap (well under a millisecond) but restarts libopus'
 * state: the next packets start from a fresh encoder, an audible discontinuity of a few milliseconds
 * at most, so change the rate on real steps only. Not thread-safe; use from one thread at a time.
 */
final class FfmpegOpusEncoder implements OpusEncoder {
    private final AVCodec encoder;
    private final CodecResources resources = new CodecResources("encoder");
    private final AVFrame input;
    private final AVPacket output;
    private int bitrate;
    private long nextPts;

    FfmpegOpusEncoder(int bitrateBps) {
        OpusSettings.checkBitrate(bitrateBps);
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

    @Override
    public int bitrate() {
        return bitrate;
    }

    @Override
    public byte[] encode(short[] pcm) {
        AVCodecContext context = resources.context();
        OpusSettings.checkFrame(pcm);
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
    @Override
    public void setBitrate(int bitrateBps) {
        resources.ensureOpen();
        OpusSettings.checkBitrate(bitrateBps);
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
                    .compression_level(OpusSettings.COMPLEXITY);
            av_channel_layout_uninit(c.ch_layout());
            av_channel_layout_default(c.ch_layout(), 1);
            Codecs.option(c, "application", "voip");
            Codecs.option(c, "frame_duration", AudioFormat.FRAME_MILLIS);
            Codecs.option(c, "fec", 1);
            Codecs.option(c, "packet_loss", OpusSettings.EXPECTED_LOSS_PERCENT);
        });
    }
}
