package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.check;
import static io.chorus.mixer.codec.FfmpegException.checkAllocated;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Finding, configuring, opening and freeing codec contexts, shared by every wrapper here. */
final class Codecs {
    private Codecs() {
    }

    static AVCodec decoder(String name) {
        return found(avcodec_find_decoder_by_name(name), "decoder", name);
    }

    static AVCodec encoder(String name) {
        return found(avcodec_find_encoder_by_name(name), "encoder", name);
    }

    static AVCodecContext allocate(AVCodec codec) {
        FfmpegLog.quiet();
        return checkAllocated(avcodec_alloc_context3(codec), "avcodec_alloc_context3");
    }

    /** Sets a codec-private option (e.g. libvpx's {@code cpu-used}); a name the codec lacks throws. */
    static void option(AVCodecContext context, String name, String value) {
        check(av_opt_set(context, name, value, AV_OPT_SEARCH_CHILDREN), "av_opt_set(" + name + "=" + value + ")");
    }

    static void option(AVCodecContext context, String name, long value) {
        option(context, name, Long.toString(value));
    }

    /** Opens a configured context; on failure the context is freed before the exception leaves. */
    static AVCodecContext open(AVCodecContext context, AVCodec codec) {
        try {
            check(avcodec_open2(context, codec, (AVDictionary) null), "avcodec_open2(" + codec.name().getString() + ")");
            return context;
        } catch (RuntimeException e) {
            free(context);
            throw e;
        }
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

    /** Frees a context (open or not); null is ignored. */
    static void free(AVCodecContext context) {
        if (context != null && !context.isNull()) {
            avcodec_free_context(context);
        }
    }

    private static AVCodec found(AVCodec codec, String kind, String name) {
        if (codec == null || codec.isNull()) {
            throw new IllegalStateException("this FFmpeg build has no " + kind + " named " + name);
        }
        return codec;
    }
}
