package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.check;
import static io.chorus.mixer.codec.FfmpegException.checkAllocated;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PLANAR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.chorus.mixer.video.I420Picture;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Scales a crop rectangle of a decoded native picture into a Java {@link I420Picture}. The crop is
 * taken by offsetting the source plane pointers, so a scaler depends only on the crop size, not on
 * where the crop sits. swscale writes into a native staging picture of the target's size (with
 * aligned rows, which its SIMD paths want) and the planes are then copied into the Java arrays.
 * A participant may be drawn at two sizes in one layout, so a few scalers are kept rather than one.
 */
final class PictureScaler implements AutoCloseable {
    private static final int KEPT_SCALERS = 4;
    private static final int PLANES = 3;

    private final Scaling[] scalings = new Scaling[KEPT_SCALERS];
    private int nextEviction;
    private PointerPointer<BytePointer> sourcePlanes = new PointerPointer<>(PLANES + 1);
    private IntPointer sourceLineSizes = new IntPointer(PLANES + 1);

    PictureScaler() {
        // swscale takes four planes; the fourth (alpha) stays empty.
        sourcePlanes.put(PLANES, (Pointer) null);
        sourceLineSizes.put(PLANES, 0);
    }

    /** Whether pictures in this pixel format can be scaled: planar 8-bit YUV with three planes. */
    static boolean canScale(int format) {
        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(format);
        if (descriptor == null || descriptor.isNull()) {
            return false;
        }
        long flags = descriptor.flags();
        return (flags & AV_PIX_FMT_FLAG_PLANAR) != 0 && (flags & AV_PIX_FMT_FLAG_RGB) == 0
                && descriptor.nb_components() == PLANES && descriptor.comp(0).depth() == 8;
    }

    /** The crop rectangle must lie inside the source and the source format must pass {@link #canScale}. */
    void scale(AVFrame source, int cropX, int cropY, int cropWidth, int cropHeight, I420Picture target) {
        int format = source.format();
        if (format == AV_PIX_FMT_YUV420P && cropX == 0 && cropY == 0 && cropWidth == target.width()
                && cropHeight == target.height() && cropWidth == source.width() && cropHeight == source.height()) {
            copyPlanes(source, target);
            return;
        }
        AVPixFmtDescriptor descriptor = av_pix_fmt_desc_get(format);
        int chromaShiftX = descriptor.log2_chroma_w();
        int chromaShiftY = descriptor.log2_chroma_h();
        // A chroma sample covers 2^shift luma pixels; a crop corner inside one would need sub-sample
        // chroma positioning, so the corner moves back to the sample boundary (at most one pixel).
        int x = cropX >> chromaShiftX << chromaShiftX;
        int y = cropY >> chromaShiftY << chromaShiftY;
        for (int plane = 0; plane < PLANES; plane++) {
            int shiftX = plane == 0 ? 0 : chromaShiftX;
            int shiftY = plane == 0 ? 0 : chromaShiftY;
            long offset = (long) (y >> shiftY) * source.linesize(plane) + (x >> shiftX);
            sourcePlanes.put(plane, source.data(plane).getPointer(offset));
            sourceLineSizes.put(plane, source.linesize(plane));
        }
        Scaling scaling = scaling(format, cropWidth, cropHeight, target.width(), target.height());
        check(sws_scale(scaling.context, sourcePlanes, sourceLineSizes, 0, cropHeight,
                scaling.staging.data(), scaling.staging.linesize()), "sws_scale");
        copyPlanes(scaling.staging, target);
    }

    @Override
    public void close() {
        for (int i = 0; i < scalings.length; i++) {
            if (scalings[i] != null) {
                scalings[i].free();
                scalings[i] = null;
            }
        }
        if (sourcePlanes != null) {
            sourcePlanes.close();
            sourceLineSizes.close();
            sourcePlanes = null;
            sourceLineSizes = null;
        }
    }

    private static void copyPlanes(AVFrame frame, I420Picture target) {
        PlaneCopy.toArray(frame.data(0), frame.linesize(0), target.y(), target.width(), target.height());
        PlaneCopy.toArray(frame.data(1), frame.linesize(1), target.u(), target.chromaWidth(), target.chromaHeight());
        PlaneCopy.toArray(frame.data(2), frame.linesize(2), target.v(), target.chromaWidth(), target.chromaHeight());
    }

    private Scaling scaling(int format, int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        for (Scaling scaling : scalings) {
            if (scaling != null && scaling.matches(format, sourceWidth, sourceHeight, targetWidth, targetHeight)) {
                return scaling;
            }
        }
        Scaling created = new Scaling(format, sourceWidth, sourceHeight, targetWidth, targetHeight);
        if (scalings[nextEviction] != null) {
            scalings[nextEviction].free();
        }
        scalings[nextEviction] = created;
        nextEviction = (nextEviction + 1) % scalings.length;
        return created;
    }

    /** One swscale context and the staging picture it writes, for one (format, crop size, target size). */
    private static final class Scaling {
        final int format;
        final int sourceWidth;
        final int sourceHeight;
        final int targetWidth;
        final int targetHeight;
        SwsContext context;
        AVFrame staging;

        Scaling(int format, int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
            this.format = format;
            this.sourceWidth = sourceWidth;
            this.sourceHeight = sourceHeight;
            this.targetWidth = targetWidth;
            this.targetHeight = targetHeight;
            try {
                context = checkAllocated(sws_getContext(sourceWidth, sourceHeight, format, targetWidth, targetHeight,
                        AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (DoublePointer) null), "sws_getContext");
                staging = Codecs.picture(targetWidth, targetHeight);
            } catch (RuntimeException e) {
                free();
                throw e;
            }
        }

        boolean matches(int format, int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
            return this.format == format && this.sourceWidth == sourceWidth && this.sourceHeight == sourceHeight
                    && this.targetWidth == targetWidth && this.targetHeight == targetHeight;
        }

        void free() {
            if (context != null) {
                sws_freeContext(context);
                context = null;
            }
            Codecs.free(staging);
            staging = null;
        }
    }
}
