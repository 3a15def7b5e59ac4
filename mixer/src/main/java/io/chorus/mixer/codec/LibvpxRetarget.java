package io.chorus.mixer.codec;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Changes an open libvpx encoder's target bitrate in place: no reopen (5 ms at 360p, 16 ms at 720p)
 * and no key frame, which is what bandwidth adaptation needs several times a second.
 *
 * <p>FFmpeg 8.0's libvpx wrapper has no bitrate setter, but before every frame it compares
 * {@code avctx->qmax} with {@code rc_max_quantizer} in libvpx's live configuration and, when they
 * differ, passes a copy of that whole configuration to {@code vpx_codec_enc_config_set} (the call
 * WebRTC makes for each new bandwidth estimate). The live configuration is libvpx's public
 * {@code vpx_codec_enc_cfg}, reached through the wrapper's private context. Writing the new
 * {@code rc_target_bitrate} there and setting {@code rc_max_quantizer} off by one makes FFmpeg apply
 * the new bitrate with the next frame, restoring the quantizer limit in the same call.
 *
 * <p>This depends on struct layouts: FFmpeg's VPxContext starting with its AVClass pointer and the
 * {@code vpx_codec_ctx}, and libvpx's encoder configuration ABI. {@link #attach} therefore first
 * checks that the fields it finds hold exactly what the encoder was opened with and gives up (null:
 * the caller reopens instead) on any mismatch, so another FFmpeg or libvpx build cannot be written
 * into blindly. VideoCodecTest checks that the change takes effect without a key frame.
 */
final class LibvpxRetarget {
    /**
     * Pointer-sized slot of {@code config.enc} in the wrapper's private context: slot 0 is the AVClass
     * pointer, then vpx_codec_ctx's name, iface, err (padded), err_detail, init_flags, config.
     */
    private static final int CONFIG_SLOT = 6;
    // int-sized slots of vpx_codec_enc_cfg fields (vpx_encoder.h, ABI of libvpx 1.8 and later)
    private static final int G_W = 3;
    private static final int G_H = 4;
    private static final int G_TIMEBASE_NUM = 7;
    private static final int G_TIMEBASE_DEN = 8;
    private static final int G_LAG_IN_FRAMES = 11;
    private static final int RC_END_USAGE = 18;
    private static final int RC_TARGET_BITRATE = 28;
    private static final int RC_MIN_QUANTIZER = 29;
    private static final int RC_MAX_QUANTIZER = 30;
    private static final int VPX_CBR = 1;

    private final IntPointer config;
    private final int maxQuantizer;

    private LibvpxRetarget(IntPointer config, int maxQuantizer) {
        this.config = config;
        this.maxQuantizer = maxQuantizer;
    }

    /**
     * Finds the live configuration of an open libvpx VP8 encoder opened with {@code settings} (and the
     * quantizer range and zero look-ahead VideoEncoder uses), or null if what it finds does not match.
     */
    static LibvpxRetarget attach(AVCodecContext context, VideoEncoderSettings settings) {
        Pointer wrapper = context.priv_data();
        if (wrapper == null || wrapper.isNull()) {
            return null;
        }
        Pointer configAddress = new PointerPointer<>(wrapper).get(CONFIG_SLOT);
        if (configAddress == null || configAddress.isNull()) {
            return null;
        }
        IntPointer config = new IntPointer(configAddress);
        boolean matches = config.get(G_W) == settings.width() && config.get(G_H) == settings.height()
                && config.get(G_TIMEBASE_NUM) == 1 && config.get(G_TIMEBASE_DEN) == settings.fps()
                && config.get(G_LAG_IN_FRAMES) == 0 && config.get(RC_END_USAGE) == VPX_CBR
                && config.get(RC_TARGET_BITRATE) == kbps(settings.bitrateBps())
                && config.get(RC_MIN_QUANTIZER) == context.qmin() && config.get(RC_MAX_QUANTIZER) == context.qmax();
        return matches ? new LibvpxRetarget(config, context.qmax()) : null;
    }

    /** Takes effect with the next encoded frame. */
    void retarget(int bitrateBps) {
        config.put(RC_TARGET_BITRATE, kbps(bitrateBps));
        config.put(RC_MAX_QUANTIZER, maxQuantizer - 1);
    }

    /** libvpx counts in kbit/s; rounded as FFmpeg's wrapper rounds {@code bit_rate}. */
    private static int kbps(int bitrateBps) {
        return (bitrateBps + 500) / 1000;
    }
}
