package io.chorus.signalling.conference;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.handoff.HandOffQueue;
import io.chorus.core.handoff.HandOffQueue.Dependency;
import io.chorus.core.handoff.SerialDrain;
import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.session.MediaSession;
import io.chorus.mixer.output.MediaSink;

/**
 * Carries one receiver's mixed frames of one kind from the mixer's tick thread to its transport.
 * The tick only enqueues: packetizing, SRTP and the socket write run on a shared sender pool, one
 * drain at a time per receiver, so a slow or stuck transport costs the room nothing. Beyond
 * {@link #CAPACITY} queued frames, audio drops its oldest and video skips to the next key frame,
 * which {@code onVideoDrop} asks the encoder for; drops are counted.
 */
final class DownstreamSender implements MediaSink {
    private static final Logger LOG = LoggerFactory.getLogger(DownstreamSender.class);
    static final int CAPACITY = 32;

    private final String receiverId;
    private final MediaKind kind;
    private final MediaSession session;
    private final HandOffQueue<EncodedFrame> queue;
    private final SerialDrain drain;
    private final AtomicLong bytesSent = new AtomicLong();

    DownstreamSender(String receiverId, MediaKind kind, MediaSession session, Executor pool, Runnable onVideoDrop) {
        this.receiverId = receiverId;
        this.kind = kind;
        this.session = session;
        HandOffQueue.DropListener onDrop = (frames, total) -> dropped(total, onVideoDrop);
        this.queue = kind == MediaKind.VIDEO
                ? HandOffQueue.skipToKeyFrame(CAPACITY,
                        frame -> frame.keyFrame() ? Dependency.KEY_FRAME : Dependency.DELTA_FRAME, onDrop)
                : HandOffQueue.dropOldest(CAPACITY, onDrop);
        this.drain = new SerialDrain(pool, this::sendQueued);
    }

    @Override
    public void onFrame(EncodedFrame frame) {
        if (queue.offer(frame)) {
            drain.signal();
        }
    }

    private void dropped(long total, Runnable onVideoDrop) {
        if (total == 1 || total % 100 == 0) {
            LOG.warn("{}: {} downstream is not keeping up; {} frames dropped so far", receiverId, kind, total);
        }
        if (kind == MediaKind.VIDEO) {
            onVideoDrop.run();
        }
    }

    private void sendQueued() {
        EncodedFrame frame;
        while ((frame = queue.poll()) != null) {
            try {
                session.sendFrame(kind, frame);
                bytesSent.addAndGet(frame.data().length);
            } catch (RuntimeException e) {
                LOG.error("{}: sending {} failed", receiverId, kind, e);
            }
        }
    }

    long dropped() {
        return queue.dropped();
    }

    /** Payload bytes handed to the transport so far. */
    long bytesSent() {
        return bytesSent.get();
    }
}
