package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.EAGAIN;
import io.chorus.core.rtp.codec.opus.OpusToc;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.chorus.mixer.audio.AudioFormat;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.ShortPointer;

/**
 * {@link OpusDecoder} through FFmpeg's libopus wrapper and the libopus linked into bytedeco's
 * libavcodec.
 *
 * <p>Concealment: FFmpeg's libopus wrapper always calls {@code opus_decode} with {@code decode_fec=0},
 * and an empty packet means end of stream to FFmpeg, so packet-loss concealment is reached by feeding
 * a one-byte packet (a TOC with no frame data), which libopus treats as a lost frame. In-band FEC
 * (recovering a lost frame from the LBRR data in the next packet) cannot be reached at all: the
 * wrapper hard-codes {@code decode_fec=0} and the bytedeco build links libopus statically without
 * exporting its symbols. Not thread-safe; use from one thread at a time.
 */
final class FfmpegOpusDecoder implements OpusDecoder {
    private final CodecResources resources = new CodecResources("decoder");
    private final PacketInput input;
    private final AVFrame decoded;
    private final byte[] concealmentPacket = new byte[1];
    private final short[] partialStep = new short[OpusToc.SHORTEST_COMMON_FRAME];
    private int lastToc = OpusToc.DEFAULT_TOC;
    private long corruptPackets;

    FfmpegOpusDecoder() {
        try {
            resources.use(Codecs.open(Codecs.decoder("libopus"), c -> {
                // Without an OpusHead the wrapper takes the channel count from ch_layout: one channel
                // makes libopus itself downmix stereo packets.
                av_channel_layout_uninit(c.ch_layout());
                av_channel_layout_default(c.ch_layout(), 1);
                c.sample_rate(AudioFormat.SAMPLE_RATE);
                c.request_sample_fmt(AV_SAMPLE_FMT_S16);
            }));
            AVCodecContext context = resources.context();
            if (context.sample_rate() != AudioFormat.SAMPLE_RATE || context.sample_fmt() != AV_SAMPLE_FMT_S16
                    || context.ch_layout().nb_channels() != 1) {
                throw new IllegalStateException("libopus decoder opened as " + context.sample_rate() + " Hz, format "
                        + context.sample_fmt() + ", " + context.ch_layout().nb_channels() + " channels; need 48 kHz mono s16");
            }
            input = resources.own(new PacketInput(OpusEncoder.MAX_PACKET_BYTES));
            decoded = resources.own(Codecs.frame());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    @Override
    public int decode(byte[] packet, int offset, int length, short[] out) {
        resources.ensureOpen();
        if (OpusSettings.packetSamples(packet, offset, length, out) < 0) {
            corruptPackets++;
            return 0;
        }
        int written = run(packet, offset, length, out, 0);
        if (written > 0) {
            lastToc = packet[offset] & 0xFF;
        }
        return written;
    }

    /**
     * libopus conceals in 10 and 20 ms steps through this wrapper, so a duration that is not a multiple
     * of 10 ms (a sender with odd timestamp steps) ends with part of a 10 ms step.
     */
    @Override
    public int conceal(short[] out, int samples) {
        resources.ensureOpen();
        OpusSettings.checkConceal(out, samples);
        int filled = 0;
        while (filled < samples) {
            int left = samples - filled;
            int step = left >= OpusToc.TWENTY_MS ? OpusToc.TWENTY_MS : OpusToc.SHORTEST_COMMON_FRAME;
            int copied = Math.min(step, left);
            if (copied == step) {
                concealStep(step, out, filled);
            } else {
                concealStep(step, partialStep, 0);
                System.arraycopy(partialStep, 0, out, filled, copied);
            }
            filled += copied;
        }
        return samples;
    }

    @Override
    public long corruptPackets() {
        return corruptPackets;
    }

    @Override
    public void close() {
        resources.close();
    }

    private void concealStep(int step, short[] target, int at) {
        concealmentPacket[0] = OpusToc.concealmentToc(lastToc, step);
        if (run(concealmentPacket, 0, 1, target, at) != step) {
            // Cannot happen with a well-formed TOC; if it ever does, the gap is silence, not noise.
            Arrays.fill(target, at, at + step, (short) 0);
        }
    }

    /** Sends one packet and copies what comes back into {@code out} at {@code at}; 0 on a data error. */
    private int run(byte[] packet, int offset, int length, short[] out, int at) {
        AVCodecContext context = resources.context();
        if (!Codecs.decoded(avcodec_send_packet(context, input.fill(packet, offset, length)), "avcodec_send_packet")) {
            corruptPackets++;
            return 0;
        }
        int written = 0;
        int ret;
        while ((ret = avcodec_receive_frame(context, decoded)) >= 0) {
            int samples = Math.min(decoded.nb_samples(), out.length - at - written);
            new ShortPointer(decoded.data(0)).get(out, at + written, samples);
            written += samples;
            av_frame_unref(decoded);
        }
        if (ret != EAGAIN && !Codecs.decoded(ret, "avcodec_receive_frame")) {
            corruptPackets++;
        }
        return written;
    }
}
