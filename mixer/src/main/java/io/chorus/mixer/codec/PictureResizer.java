package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.check;
import static io.chorus.mixer.codec.FfmpegException.checkAllocated;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import io.chorus.mixer.video.I420Picture;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Resizes a whole Java picture into another (the room's canvas into a smaller output profile) with
 * swscale's bilinear filter. The source is staged in one native frame kept for its size.
 * One thread at a time; close frees the native frames.
 */
public final class PictureResizer implements AutoCloseable {
    private final PictureScaler scaler = new PictureScaler();
    private AVFrame staging;

    public void resize(I420Picture source, I420Picture target) {
        if (staging == null || staging.width() != source.width() || staging.height() != source.height()) {
            freeStaging();
            AVFrame frame = checkAllocated(av_frame_alloc(), "av_frame_alloc");
            frame.format(AV_PIX_FMT_YUV420P).width(source.width()).height(source.height());
            staging = frame;
            check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer");
        }
        PlaneCopy.fromArray(source.y(), source.width(), source.height(), staging.data(0), staging.linesize(0));
        PlaneCopy.fromArray(source.u(), source.chromaWidth(), source.chromaHeight(), staging.data(1), staging.linesize(1));
        PlaneCopy.fromArray(source.v(), source.chromaWidth(), source.chromaHeight(), staging.data(2), staging.linesize(2));
        scaler.scale(staging, 0, 0, source.width(), source.height(), target);
    }

    @Override
    public void close() {
        freeStaging();
        scaler.close();
    }

    private void freeStaging() {
        if (staging != null) {
            av_frame_free(staging);
            staging = null;
        }
    }
}
