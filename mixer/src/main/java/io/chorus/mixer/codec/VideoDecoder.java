package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.EAGAIN;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_move_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.codec.Dimensions;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.rtp.codec.vp8.Vp8FrameHeader;
import io.chorus.mixer.video.I420Picture;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes one participant's VP8 or H.264 stream and keeps its latest picture in native memory until
 * the compositor asks for it at the size it needs ({@link #scaleInto}). Bad bitstream data never
 * throws: the frame is dropped, counted in {@link #corruptFrames()}, and the previous picture stays.
 * Single-threaded decoding with no output delay: a frame's picture is available as soon as
 * {@link #decode} returns. Not thread-safe; use from one thread at a time.
 */
public final class VideoDecoder implements AutoCloseable {
    /**
     * The largest picture a participant's stream may declare: 4K UHD. A stranger's key frame header
     * can claim 16383x16383, and a decoder believing it allocates a gigabyte of frame buffers.
     */
    public static final long MAX_PIXELS = 3840L * 2160;
    public static final int MAX_SIDE = 4096;
    private static final int INITIAL_PACKET_CAPACITY = 64 * 1024;
    /** libavutil's AV_FRAME_FLAG_CORRUPT (1 << 0), which the bytedeco bindings do not export. */
    private static final int AV_FRAME_FLAG_CORRUPT = 1;

    private final VideoCodec codec;
    private final CodecResources resources = new CodecResources("decoder");
    private final PacketInput input;
    private final AVFrame received;
    private final AVFrame picture;
    private final PictureScaler scaler;
    private final long maxPixels;
    private boolean hasPicture;
    private long corruptFrames;
    private long oversizedFrames;
    private Dimensions lastOversized = Dimensions.UNKNOWN;

    public VideoDecoder(VideoCodec codec) {
        this(codec, MAX_PIXELS);
    }

    /**
     * @param maxPixels the largest picture accepted: VP8 key frames declaring more are refused before
     *                  decoding, and FFmpeg refuses to allocate for more ({@code max_pixels}), which
     *                  covers H.264's sizes from its parameter sets
     */
    public VideoDecoder(VideoCodec codec, long maxPixels) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.maxPixels = maxPixels;
        try {
            resources.use(Codecs.open(Codecs.decoder(codec.decoderName()), c -> {
                c.thread_count(1);
                c.flags(c.flags() | AV_CODEC_FLAG_LOW_DELAY);
                Codecs.option(c, "max_pixels", maxPixels);
            }));
            input = resources.own(new PacketInput(INITIAL_PACKET_CAPACITY));
            received = resources.own(Codecs.frame());
            picture = resources.own(Codecs.frame());
            scaler = resources.own(new PictureScaler());
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    public VideoCodec codec() {
        return codec;
    }

    /**
     * Decodes one complete frame (a VP8 frame or an H.264 access unit in Annex B form).
     *
     * @return true when a new picture is available; false when the frame gave none (it was rejected
     *         as corrupt, or it carried no picture, such as parameter sets alone)
     */
    public boolean decode(EncodedFrame frame) {
        AVCodecContext context = resources.context();
        byte[] data = frame.data();
        if (data.length == 0) {
            // An empty packet would tell FFmpeg the stream has ended and put the decoder into draining.
            corruptFrames++;
            return false;
        }
        if (declaresOversizedPicture(data)) {
            oversizedFrames++;
            return false;
        }
        if (!Codecs.decoded(avcodec_send_packet(context, input.fill(data, 0, data.length)), "avcodec_send_packet")) {
            corruptFrames++;
            return false;
        }
        boolean newPicture = false;
        int ret;
        while ((ret = avcodec_receive_frame(context, received)) >= 0) {
            if (usable(received)) {
                av_frame_unref(picture);
                av_frame_move_ref(picture, received);
                hasPicture = true;
                newPicture = true;
            } else {
                av_frame_unref(received);
                corruptFrames++;
            }
        }
        if (ret != EAGAIN && !Codecs.decoded(ret, "avcodec_receive_frame")) {
            corruptFrames++;
        }
        return newPicture;
    }

    /** Whether any picture has been decoded yet. */
    public boolean hasPicture() {
        resources.ensureOpen();
        return hasPicture;
    }

    /** Width of the latest picture, 0 before the first. */
    public int width() {
        resources.ensureOpen();
        return hasPicture ? picture.width() : 0;
    }

    /** Height of the latest picture, 0 before the first. */
    public int height() {
        resources.ensureOpen();
        return hasPicture ? picture.height() : 0;
    }

    /** Frames the decoder rejected (bad or truncated bitstream data, empty frames, unusable formats). */
    public long corruptFrames() {
        return corruptFrames;
    }

    /** VP8 key frames refused unread because they declared a picture over the limit. */
    public long oversizedFrames() {
        return oversizedFrames;
    }

    /** The size the latest refused key frame declared; {@link Dimensions#UNKNOWN} before any. */
    public Dimensions lastOversized() {
        return lastOversized;
    }

    /** A VP8 key frame's header names its size: refuse an oversized one before FFmpeg reads it. */
    private boolean declaresOversizedPicture(byte[] data) {
        if (codec != VideoCodec.VP8) {
            return false;
        }
        try {
            Dimensions size = Vp8FrameHeader.parse(data, 0, data.length).size();
            boolean oversized = !size.equals(Dimensions.UNKNOWN) && (size.width() > MAX_SIDE
                    || size.height() > MAX_SIDE || (long) size.width() * size.height() > maxPixels);
            if (oversized) {
                lastOversized = size;
            }
            return oversized;
        } catch (MalformedPacketException e) {
            // The decoder refuses it as corrupt.
            return false;
        }
    }

    /** Scales the whole latest picture to exactly the target's size. */
    public void scaleInto(I420Picture target) {
        resources.ensureOpen();
        requirePicture();
        scaleInto(target, 0, 0, picture.width(), picture.height());
    }

    /**
     * Scales a rectangle of the latest picture (bilinear) to exactly the target's size, writing the
     * target's arrays. An odd crop corner moves back one pixel to the chroma sample boundary.
     */
    public void scaleInto(I420Picture target, int cropX, int cropY, int cropWidth, int cropHeight) {
        resources.ensureOpen();
        Objects.requireNonNull(target, "target");
        requirePicture();
        if (cropX < 0 || cropY < 0 || cropWidth <= 0 || cropHeight <= 0
                || cropX + cropWidth > picture.width() || cropY + cropHeight > picture.height()) {
            throw new IllegalArgumentException("crop " + cropWidth + "x" + cropHeight + " at (" + cropX + "," + cropY
                    + ") does not fit the " + picture.width() + "x" + picture.height() + " picture");
        }
        scaler.scale(picture, cropX, cropY, cropWidth, cropHeight, target);
    }

    @Override
    public void close() {
        resources.close();
    }

    /**
     * A picture worth showing: one the decoder did not have to patch up (H.264 conceals damaged
     * macroblocks and flags the result; a frozen picture is better than smeared garbage, and the
     * corrupt count tells the caller to ask for a key frame) and in a format the scaler takes (not,
     * say, 10-bit H.264, which no WebRTC peer should send).
     */
    private static boolean usable(AVFrame frame) {
        return frame.decode_error_flags() == 0 && (frame.flags() & AV_FRAME_FLAG_CORRUPT) == 0
                && PictureScaler.canScale(frame.format());
    }

    private void requirePicture() {
        if (!hasPicture) {
            throw new IllegalStateException("no picture decoded yet");
        }
    }
}
