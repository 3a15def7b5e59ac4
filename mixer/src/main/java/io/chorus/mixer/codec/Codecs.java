package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.check;
import static io.chorus.mixer.codec.FfmpegException.checkAllocated;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import io.chorus.mixer.audio.AudioFormat;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Finding codecs, and allocating and freeing the native objects every wrapper here uses: codec
 * contexts, frames and packets. Each allocation either returns a usable object or frees what it
 * allocated before the exception leaves, so callers only ever free what they were given.
 */
final class Codecs {
    private Codecs() {
    }

    static AVCodec decoder(String name) {
        return found(avcodec_find_decoder_by_name(name), "decoder", name);
    }

    static AVCodec encoder(String name) {
        return found(avcodec_find_encoder_by_name(name), "encoder", name);
    }

    /** Allocates a context, lets {@code configure} set it up and opens it. */
    static AVCodecContext open(AVCodec codec, Consumer<AVCodecContext> configure) {
        FfmpegLog.quiet();
        AVCodecContext context = checkAllocated(avcodec_alloc_context3(codec), "avcodec_alloc_context3");
        try {
            configure.accept(context);
            check(avcodec_open2(context, codec, (AVDictionary) null), "avcodec_open2(" + codec.name().getString() + ")");
            return context;
        } catch (RuntimeException e) {
            free(context);
            throw e;
        }
    }

    /** Sets a codec-private option (e.g. libvpx's {@code cpu-used}); a name the codec lacks throws. */
    static void option(AVCodecContext context, String name, String value) {
        check(av_opt_set(context, name, value, AV_OPT_SEARCH_CHILDREN), "av_opt_set(" + name + "=" + value + ")");
    }

    static void option(AVCodecContext context, String name, long value) {
        option(context, name, Long.toString(value));
    }

    /**
     * Judges a decoding call's result: true on success, false when the decoder rejected the data
     * (bad input must not end a participant's stream), and an exception when memory ran out.
     */
    static boolean decoded(int ret, String function) {
        if (ret == FfmpegException.ENOMEM) {
            throw new FfmpegException(function, ret);
        }
        return ret >= 0;
    }

    /** An empty frame, for a decoder to fill. */
    static AVFrame frame() {
        return checkAllocated(av_frame_alloc(), "av_frame_alloc");
    }

    /** A YUV 4:2:0 frame of the given size with its own buffers. */
    static AVFrame picture(int width, int height) {
        AVFrame frame = frame();
        frame.format(AV_PIX_FMT_YUV420P).width(width).height(height);
        return withBuffers(frame);
    }

    /** A mono frame at the mixer's sample rate with its own buffers. */
    static AVFrame monoAudio(int sampleFormat, int samples) {
        AVFrame frame = frame();
        frame.format(sampleFormat).nb_samples(samples).sample_rate(AudioFormat.SAMPLE_RATE);
        av_channel_layout_default(frame.ch_layout(), 1);
        return withBuffers(frame);
    }

    static AVPacket packet() {
        return checkAllocated(av_packet_alloc(), "av_packet_alloc");
    }

    /** Frees a context (open or not); null is ignored. */
    static void free(AVCodecContext context) {
        if (context != null && !context.isNull()) {
            avcodec_free_context(context);
        }
    }

    /** Frees a frame and the buffers it references; null is ignored. */
    static void free(AVFrame frame) {
        if (frame != null && !frame.isNull()) {
            av_frame_free(frame);
        }
    }

    /** Frees a packet and the buffer it references; null is ignored. */
    static void free(AVPacket packet) {
        if (packet != null && !packet.isNull()) {
            av_packet_free(packet);
        }
    }

    private static AVFrame withBuffers(AVFrame frame) {
        try {
            check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer");
            return frame;
        } catch (RuntimeException e) {
            free(frame);
            throw e;
        }
    }

    private static AVCodec found(AVCodec codec, String kind, String name) {
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("this FFmpeg build has no " + kind + " named " + name);
        }
        return codec;
    }
}
