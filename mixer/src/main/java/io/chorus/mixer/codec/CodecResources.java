package io.chorus.mixer.codec;

import java.util.ArrayDeque;
import java.util.Deque;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * The native objects one codec wrapper owns: its open codec context and the frames, packets and
 * helpers it works with. Closing frees each exactly once, whether the wrapper is closed (perhaps
 * twice) or its constructor failed halfway, so the wrappers need no per-object bookkeeping.
 */
final class CodecResources implements AutoCloseable {
    private final String closedMessage;
    private final Deque<Runnable> frees = new ArrayDeque<>();
    private AVCodecContext context;

    /** @param owner what the wrapper is, for the exception a closed one throws ("encoder", "decoder") */
    CodecResources(String owner) {
        this.closedMessage = owner + " is closed";
    }

    /** The open context; an IllegalStateException once closed. */
    AVCodecContext context() {
        ensureOpen();
        return context;
    }

    void ensureOpen() {
        if (context == null) {
            throw new IllegalStateException(closedMessage);
        }
    }

    /** Takes an opened context, freeing the one it replaces (a codec reopened with new settings). */
    void use(AVCodecContext opened) {
        Codecs.free(context);
        context = opened;
    }

    AVFrame own(AVFrame frame) {
        frees.push(() -> Codecs.free(frame));
        return frame;
    }

    AVPacket own(AVPacket packet) {
        frees.push(() -> Codecs.free(packet));
        return packet;
    }

    PacketInput own(PacketInput input) {
        frees.push(input::close);
        return input;
    }

    PictureScaler own(PictureScaler scaler) {
        frees.push(scaler::close);
        return scaler;
    }

    @Override
    public void close() {
        Codecs.free(context);
        context = null;
        while (!frees.isEmpty()) {
            frees.pop().run();
        }
    }
}
