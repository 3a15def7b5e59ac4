package io.chorus.signalling.conference;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.session.MediaSession;
import io.chorus.mixer.input.SerialDrain;
import io.chorus.mixer.output.MediaSink;

/**
 * Carries one receiver's mixed frames of one kind from the mixer's tick thread to its transport.
 * The tick only enqueues: packetizing, SRTP and the socket write run on a shared sender pool, one
 * drain at a time per receiver, so a slow or stuck transport costs the room nothing. Beyond
 * {@link #CAPACITY} queued frames the oldest are dropped and counted (a video drop also asks for a
 * key frame, since the receiver cannot decode past the gap).
 */
final class DownstreamSender implements MediaSink {
    private static final Logger LOG = LoggerFactory.getLogger(DownstreamSender.class);
    static final int CAPACITY = 32;

    private final String receiverId;
    private final MediaKind kind;
    private final MediaSession session;
    private final SerialDrain drain;
    private final Runnable onDrop;
    private final Queue<EncodedFrame> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();

    DownstreamSender(String receiverId, MediaKind kind, MediaSession session, Executor pool, Runnable onDrop) {
        this.receiverId = receiverId;
        this.kind = kind;
        this.session = session;
        this.drain = new SerialDrain(pool, this::sendQueued);
        this.onDrop = onDrop;
    }

    @Override
    public void onFrame(EncodedFrame frame) {
        queue.add(frame);
        if (size.incrementAndGet() > CAPACITY && queue.poll() != null) {
            size.decrementAndGet();
            long total = dropped.incrementAndGet();
            if (total == 1 || total % 100 == 0) {
                LOG.warn("{}: {} downstream is not keeping up; {} frames dropped so far", receiverId, kind, total);
            }
            onDrop.run();
        }
        drain.signal();
    }

    private void sendQueued() {
        EncodedFrame frame;
        while ((frame = queue.poll()) != null) {
            size.decrementAndGet();
            try {
                session.sendFrame(kind, frame);
                bytesSent.addAndGet(frame.data().length);
            } catch (RuntimeException e) {
                LOG.error("{}: sending {} failed", receiverId, kind, e);
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Payload bytes handed to the transport so far. */
    long bytesSent() {
        return bytesSent.get();
    }
}
