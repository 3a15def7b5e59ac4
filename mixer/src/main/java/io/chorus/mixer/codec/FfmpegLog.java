package io.chorus.mixer.codec;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * FFmpeg writes to stderr at INFO by default, and libvpx alone prints its version line each time an
 * encoder opens, which a mixer opening codecs per participant would turn into noise. Errors still
 * show; everything that matters to callers also arrives as an {@link FfmpegException}.
 */
public final class FfmpegLog {
    private static volatile boolean quiet;

    private FfmpegLog() {
    }

    /** Limits FFmpeg's own logging to errors; cheap to call again. */
    public static void quiet() {
        if (!quiet) {
            synchronized (FfmpegLog.class) {
                if (!quiet) {
                    av_log_set_level(AV_LOG_ERROR);
                    quiet = true;
                }
            }
        }
    }
}
