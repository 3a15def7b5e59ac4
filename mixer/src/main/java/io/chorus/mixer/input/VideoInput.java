package io.chorus.mixer.input;

import io.chorus.core.handoff.HandOffQueue;
import io.chorus.core.handoff.HandOffQueue.Dependency;
import io.chorus.core.handoff.SerialDrain;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.codec.VideoDecoder;
import io.chorus.mixer.video.Fit;
import io.chorus.mixer.video.FitPolicy;
import io.chorus.mixer.video.Placement;
import io.chorus.mixer.video.Tile;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's video on its way into the composite. The network thread offers complete
 * encoded frames into a bounded queue; a pool thread decodes them and scales each picture straight
 * to the size its tile needs; the video tick picks the picture that matches the audio playing.
 * When the queue overflows it skips to the next key frame and the sender is asked for one; a frame
 * that fails to decode makes the decoder wait for a key frame the same way.
 */
public final class VideoInput implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VideoInput.class);
    private static final int QUEUE_CAPACITY = 16;
    private static final int RING_SLOTS = 10;

    /** What a picture is scaled for: the tile and how the picture is fitted into it. */
    public record Target(Tile tile, FitPolicy fit) {
    }

    private final String participantId;
    private final VideoDecoder decoder;
    private final SenderClock senderClock;
    private final Runnable keyFrameRequest;
    private final HandOffQueue<EncodedFrame> queue;
    private final PictureRing ring = new PictureRing(RING_SLOTS);
    private final SerialDrain drain;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong skippedUntilKeyFrame = new AtomicLong();
    private volatile Target target;
    private volatile boolean awaitingKeyFrame = true;
    /** Guarded by the decoder: the first refusal of an oversized picture is logged, the rest counted. */
    private boolean oversizeLogged;
    private volatile boolean rescaleRequested;
    private volatile boolean closed;
    private long sequence;

    public VideoInput(String participantId, VideoCodec codec, SenderClock senderClock, Executor decodePool,
            Runnable keyFrameRequest) {
        this.participantId = participantId;
        this.decoder = new VideoDecoder(codec);
        this.senderClock = senderClock;
        this.keyFrameRequest = keyFrameRequest;
        this.queue = HandOffQueue.skipToKeyFrame(QUEUE_CAPACITY,
                frame -> frame.keyFrame() ? Dependency.KEY_FRAME : Dependency.DELTA_FRAME,
                (frames, total) -> keyFrameRequest.run());
        this.drain = new SerialDrain(decodePool, this::decodeQueued);
    }

    /** Network side: never blocks. A full queue skips to the next key frame, counting what it drops. */
    public void offer(EncodedFrame frame) {
        if (closed) {
            return;
        }
        received.incrementAndGet();
        if (queue.offer(frame)) {
            drain.signal();
        }
    }

    /** Tick side: the tile this input's pictures are scaled for from now on. */
    public void setTarget(Target next) {
        Target previous = target;
        if (next.equals(previous)) {
            return;
        }
        target = next;
        ring.clear();
        rescaleRequested = true;
        drain.signal();
    }

    /**
     * Tick side: the picture to composite now, or null while none is ready at the current target.
     *
     * @param playoutMicros sender capture time of this participant's audio playing at the video
     *                      tick's instant, or {@link Long#MIN_VALUE} when unknown
     */
    public TimedPicture pictureFor(long playoutMicros) {
        TimedPicture picture = ring.pick(playoutMicros);
        return picture != null && picture.target() == target ? picture : null;
    }

    public String participantId() {
        return participantId;
    }

    public long framesReceived() {
        return received.get();
    }

    public long framesDecoded() {
        return decoded.get();
    }

    public long queueDrops() {
        return queue.dropped();
    }

    public long framesSkippedUntilKeyFrame() {
        return skippedUntilKeyFrame.get();
    }

    public long corruptFrames() {
        return decoder.corruptFrames();
    }

    /** Frames the decoder refused: corrupt, or declaring a picture over its size limit. */
    public long refusedFrames() {
        return decoder.corruptFrames() + decoder.oversizedFrames();
    }

    private void decodeQueued() {
        synchronized (decoder) {
            if (!closed) {
                decodeQueuedLocked();
            }
        }
    }

    private void decodeQueuedLocked() {
        EncodedFrame frame;
        while ((frame = queue.poll()) != null) {
            if (awaitingKeyFrame && !frame.keyFrame()) {
                skippedUntilKeyFrame.incrementAndGet();
                continue;
            }
            awaitingKeyFrame = false;
            if (!decoder.decode(frame)) {
                if (!oversizeLogged && decoder.oversizedFrames() > 0) {
                    oversizeLogged = true;
                    LOG.warn("{}: refused a key frame declaring a {}x{} picture (at most {} pixels, {} a side); "
                            + "asking for another, later refusals are only counted (chorus_mixer_video_frames_refused_total)",
                            participantId, decoder.lastOversized().width(), decoder.lastOversized().height(),
                            VideoDecoder.MAX_PIXELS, VideoDecoder.MAX_SIDE);
                }
                requireKeyFrame("frame did not decode");
                continue;
            }
            decoded.incrementAndGet();
            rescaleRequested = false;
            scaleLatest(senderClock.captureMicros(frame.timestamp()));
        }
        if (rescaleRequested && decoded.get() > 0) {
            rescaleRequested = false;
            scaleLatest(Long.MIN_VALUE);
        }
    }

    private void scaleLatest(long captureMicros) {
        Target current = target;
        if (current == null) {
            return;
        }
        TimedPicture slot = ring.acquire();
        if (slot == null) {
            return;
        }
        Placement placement = Fit.place(decoder.width(), decoder.height(), current.tile(), current.fit());
        decoder.scaleInto(slot.pictureSized(placement.dstWidth(), placement.dstHeight()),
                placement.cropX(), placement.cropY(), placement.cropWidth(), placement.cropHeight());
        slot.stamp(captureMicros, ++sequence, current, placement);
        ring.publish(slot);
    }

    private void requireKeyFrame(String why) {
        if (!awaitingKeyFrame) {
            LOG.debug("{}: {}; waiting for a key frame", participantId, why);
        }
        awaitingKeyFrame = true;
        keyFrameRequest.run();
    }

    /**
     * Frees the decoder, waiting for a decode in progress (one frame at most), so call it off the
     * tick thread. The tick must have stopped using this input's pictures.
     */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        synchronized (decoder) {
            decoder.close();
        }
    }
}
