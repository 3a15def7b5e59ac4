package io.chorus.mixer.codec;

import static org.bytedeco.ffmpeg.global.avutil.AV_ERROR_MAX_STRING_SIZE;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.Pointer;

/** An FFmpeg call failed; the message names the C function and FFmpeg's text for the error code. */
public final class FfmpegException extends RuntimeException {
    /**
     * {@code AVERROR(EAGAIN)}: the codec wants the other half of the send/receive pair first. The
     * bytedeco bindings do not export it; EAGAIN is 11 on Linux, the only platform these natives ship for.
     */
    static final int EAGAIN = -11;
    /** {@code AVERROR(ENOMEM)}, reported when an allocation function returns NULL. */
    static final int ENOMEM = -12;

    private final String function;
    private final int code;

    public FfmpegException(String function, int code) {
        super(function + " failed: " + describe(code) + " (" + code + ")");
        this.function = function;
        this.code = code;
    }

    /** Returns {@code ret} when it is not an error, so calls can be wrapped inline. */
    public static int check(int ret, String function) {
        if (ret < 0) {
            throw new FfmpegException(function, ret);
        }
        return ret;
    }

    /** Returns {@code pointer} when the allocation it came from succeeded. */
    public static <P extends Pointer> P checkAllocated(P pointer, String function) {
        if (pointer == null || pointer.isNull()) {
            throw new FfmpegException(function, ENOMEM);
        }
        return pointer;
    }

    /** FFmpeg's text for an error code, as {@code av_strerror} gives it. */
    public static String describe(int code) {
        byte[] text = new byte[AV_ERROR_MAX_STRING_SIZE];
        av_strerror(code, text, text.length);
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8);
    }

    /** The C function that failed, e.g. {@code avcodec_open2}. */
    public String function() {
        return function;
    }

    /** The negative AVERROR code it returned. */
    public int code() {
        return code;
    }
}
