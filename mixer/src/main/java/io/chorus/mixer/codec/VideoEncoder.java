package io.chorus.mixer.codec;

import static io.chorus.mixer.codec.FfmpegException.EAGAIN;
import static io.chorus.mixer.codec.FfmpegException.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.video.I420Picture;
import java.util.Objects;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Encodes composed pictures for WebRTC receivers: one thread, no look-ahead, so every picture comes
 * straight back as one encoded frame; constant bitrate; key frames on request.
 *
 * <p>Bitrate changes: neither FFmpeg wrapper has a setter for an open encoder (FFmpeg 8.0
 * libvpxenc.c reconfigures libvpx at run time only when {@code qmax} changes; libopenh264enc.c reads
 * the bitrate only in its init), and the libraries' own calls are not exported by the bytedeco build.
 * VP8 is retargeted in place through that qmax hook ({@link LibvpxRetarget}): no key frame, effective
 * from the next frame. H.264, or VP8 if the hook cannot be verified, is reopened: about 1 ms for
 * OpenH264 (5 ms at 360p, 16 ms at 720p for libvpx), and the next frame is a key frame, so change
 * the rate on meaningful steps only. Not thread-safe; use from one thread at a time.
 */
public final class VideoEncoder implements AutoCloseable {
    /** RTP clock rate of every video payload format. */
    public static final int RTP_VIDEO_CLOCK = 90_000;
    /** libvpx speed: negative means a fixed speed level; positive values would be a time budget. */
    static final int VP8_CPU_USED = -6;
    /** WebRTC's VP8 quantizer range: 2 keeps static scenes from wasting bits, 56 avoids the blockiest levels. */
    static final int VP8_QMIN = 2;
    static final int VP8_QMAX = 56;
    static final int VP8_STATIC_THRESHOLD = 100;

    private VideoEncoderSettings settings;
    private final AVCodec encoder;
    private final CodecResources resources = new CodecResources("encoder");
    /** Null unless the codec is VP8 and the in-place bitrate change could be verified. */
    private LibvpxRetarget retarget;
    private final AVFrame input;
    private final AVPacket output;
    private long lastFrameIndex = -1;

    public VideoEncoder(VideoEncoderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.encoder = Codecs.encoder(settings.codec().encoderName());
        try {
            useContext(openContext(settings), settings);
            input = resources.own(Codecs.picture(settings.width(), settings.height()));
            output = resources.own(Codecs.packet());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public VideoEncoderSettings settings() {
        return settings;
    }

    /** Current target bitrate in bit/s. */
    public int bitrate() {
        return settings.bitrateBps();
    }

    /**
     * Encodes one picture of the configured size.
     *
     * @param frameIndex     frames since the stream began, increasing; sets the RTP timestamp
     *                       ({@code frameIndex * 90000 / fps})
     * @param forceKeyFrame  make this frame a key frame (VP8 key frame, H.264 IDR with SPS/PPS)
     * @return the encoded frame, or null if the encoder produced nothing for this picture
     */
    public EncodedFrame encode(I420Picture picture, long frameIndex, boolean forceKeyFrame) {
        AVCodecContext context = resources.context();
        if (picture.width() != settings.width() || picture.height() != settings.height()) {
            throw new IllegalArgumentException("picture is " + picture.width() + "x" + picture.height()
                    + " but the encoder is " + settings.width() + "x" + settings.height());
        }
        if (frameIndex <= lastFrameIndex) {
            throw new IllegalArgumentException("frame index must increase: " + frameIndex + " after " + lastFrameIndex);
        }
        // The encoder drops its reference to the previous input when it has encoded it, so this only
        // allocates if a codec ever kept one.
        check(av_frame_make_writable(input), "av_frame_make_writable");
        PlaneCopy.fromArray(picture.y(), picture.width(), picture.height(), input.data(0), input.linesize(0));
        PlaneCopy.fromArray(picture.u(), picture.chromaWidth(), picture.chromaHeight(), input.data(1), input.linesize(1));
        PlaneCopy.fromArray(picture.v(), picture.chromaWidth(), picture.chromaHeight(), input.data(2), input.linesize(2));
        input.pts(frameIndex);
        input.pict_type(forceKeyFrame ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        check(avcodec_send_frame(context, input), "avcodec_send_frame");
        lastFrameIndex = frameIndex;
        int ret = avcodec_receive_packet(context, output);
        if (ret == EAGAIN) {
            return null;
        }
        check(ret, "avcodec_receive_packet");
        try {
            byte[] data = new byte[output.size()];
            output.data().get(data, 0, data.length);
            boolean keyFrame = (output.flags() & AV_PKT_FLAG_KEY) != 0;
            long timestamp = output.pts() * RTP_VIDEO_CLOCK / settings.fps();
            return new EncodedFrame(data, timestamp, keyFrame, settings.width(), settings.height());
        } finally {
            av_packet_unref(output);
        }
    }

    /**
     * Changes the target bitrate from the next frame on: in place for VP8, by reopening the codec
     * otherwise (see the class comment), in which case the next frame is a key frame. If reopening
     * fails the encoder keeps running at the old rate and the error is thrown.
     */
    public void setBitrate(int bitrateBps) {
        resources.ensureOpen();
        VideoEncoderSettings.checkBitrate(bitrateBps);
        if (bitrateBps == settings.bitrateBps()) {
            return;
        }
        VideoEncoderSettings changed = settings.withBitrate(bitrateBps);
        if (retarget != null) {
            retarget.retarget(bitrateBps);
            settings = changed;
            return;
        }
        useContext(openContext(changed), changed);
    }

    /** Whether {@link #setBitrate} changes the rate without reopening the codec (and without a key frame). */
    public boolean retargetsInPlace() {
        resources.ensureOpen();
        return retarget != null;
    }

    @Override
    public void close() {
        retarget = null;
        resources.close();
    }

    private void useContext(AVCodecContext opened, VideoEncoderSettings openedWith) {
        resources.use(opened);
        settings = openedWith;
        retarget = openedWith.codec() == VideoCodec.VP8 ? LibvpxRetarget.attach(opened, openedWith) : null;
    }

    private AVCodecContext openContext(VideoEncoderSettings s) {
        return Codecs.open(encoder, c -> configure(c, s));
    }

    private static void configure(AVCodecContext c, VideoEncoderSettings s) {
        try (AVRational timeBase = new AVRational().num(1).den(s.fps());
                AVRational frameRate = new AVRational().num(s.fps()).den(1)) {
            c.width(s.width()).height(s.height()).pix_fmt(AV_PIX_FMT_YUV420P);
            c.time_base(timeBase).framerate(frameRate);
            c.bit_rate(s.bitrateBps()).rc_min_rate(s.bitrateBps()).rc_max_rate(s.bitrateBps());
            c.gop_size(s.keyFrameIntervalFrames());
            // Each mixer output has its own encoder; threads inside one would add latency and contend
            // with the other encoders for the same cores.
            c.thread_count(1);
            switch (s.codec()) {
                case VP8 -> configureVp8(c, s);
                case H264 -> configureH264(c);
            }
        }
    }

    private static void configureVp8(AVCodecContext c, VideoEncoderSettings s) {
        // rc_min_rate == rc_max_rate == bit_rate selects libvpx's CBR mode. The rate buffer holds one
        // second, starting half full (libvpx's optimal level becomes 5/6 of it).
        c.rc_buffer_size(s.bitrateBps()).rc_initial_buffer_occupancy(s.bitrateBps() / 2);
        c.qmin(VP8_QMIN).qmax(VP8_QMAX);
        Codecs.option(c, "deadline", "realtime");
        Codecs.option(c, "cpu-used", VP8_CPU_USED);
        Codecs.option(c, "lag-in-frames", 0);
        Codecs.option(c, "auto-alt-ref", 0);
        Codecs.option(c, "error-resilient", "default");
        // Undershooting freely and overshooting little keeps the stream under the estimated bandwidth.
        Codecs.option(c, "undershoot-pct", 100);
        Codecs.option(c, "overshoot-pct", 15);
        // A key frame may take at most half of the one-second buffer (percent of an average frame), so
        // a forced key frame does not burst past what the link can carry.
        Codecs.option(c, "max-intra-rate", 50L * s.fps());
        // A composite is mostly still (background, placeholders, frozen or slow tiles): blocks whose
        // difference from the last frame sums under this (a mean of 0.4 grey levels per pixel) are
        // not coded at all. Measured on a 720p canvas, 1 encoder thread, speed -6: a still canvas
        // costs 0.10 core instead of 0.16, one moving quarter 0.11 instead of 0.14. 1000 would save
        // more but skips blocks with visible change (a mean of 4 levels), so it is not used.
        Codecs.option(c, "static-thresh", VP8_STATIC_THRESHOLD);
    }

    private static void configureH264(AVCodecContext c) {
        Codecs.option(c, "profile", "constrained_baseline");
        Codecs.option(c, "rc_mode", "bitrate");
        Codecs.option(c, "allow_skip_frames", 0);
    }
}
