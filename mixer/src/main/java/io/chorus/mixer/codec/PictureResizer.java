package io.chorus.mixer.codec;

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
            Codecs.free(staging);
            // Cleared before allocating: should the allocation fail, close must not free the old frame again.
            staging = null;
            staging = Codecs.picture(source.width(), source.height());
        }
        PlaneCopy.fromArray(source.y(), source.width(), source.height(), staging.data(0), staging.linesize(0));
        PlaneCopy.fromArray(source.u(), source.chromaWidth(), source.chromaHeight(), staging.data(1), staging.linesize(1));
        PlaneCopy.fromArray(source.v(), source.chromaWidth(), source.chromaHeight(), staging.data(2), staging.linesize(2));
        scaler.scale(staging, 0, 0, source.width(), source.height(), target);
    }

    @Override
    public void close() {
        Codecs.free(staging);
        staging = null;
        scaler.close();
    }
}
