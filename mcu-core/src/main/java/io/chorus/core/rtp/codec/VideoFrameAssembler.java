package io.chorus.core.rtp.codec;

import java.util.ArrayList;
import java.util.List;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.SequenceUnwrapper;

/**
 * Builds complete video frames from packets that may arrive reordered, duplicated or with holes
 * that NACK may still fill. A frame is a run of consecutive sequence numbers with one timestamp,
 * from a packet that begins a frame up to the packet with the marker bit. Frames leave in
 * sequence order, each only after the one before it, so the decoder never sees them out of order.
 * <p>
 * Where a packet is missing, frames behind the hole wait for it while fewer than
 * {@value #FRAMES_BEFORE_GIVING_UP} of them are complete; then the hole is declared lost, its
 * frame dropped and counted, and frames are withheld until a key frame, since VP8 and H.264 delta
 * frames depend on what was lost; while a key frame is awaited, the first complete one is released
 * at once, whatever is missing before it. The stream's first frame released is a key frame, for
 * the same reason.
 * <p>
 * Memory is bounded by the window's capacity: a packet that would stretch the buffered span of
 * sequence numbers beyond it pushes the oldest packets out; their frames are counted as dropped.
 * Empty payloads are sender padding: they occupy a sequence number between frames and nothing else.
 */
public final class VideoFrameAssembler implements Depacketizer {
    static final int FRAMES_BEFORE_GIVING_UP = 8;
    /** A power of two; a 1080p key frame is about 150 packets. */
    public static final int DEFAULT_CAPACITY = 512;
    /** Keeps unwrapped sequence numbers positive even for packets reordered ahead of the first one. */
    private static final long SEQUENCE_BASE = 1L << 32;
    private static final long NONE = Long.MIN_VALUE;

    private record Span(long first, long last, long timestamp, boolean keyFrame) {
    }

    private final VideoPayloadFormat format;
    private final PacketWindow window;
    private final SequenceJumpFilter jumps = new SequenceJumpFilter();
    private SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private boolean empty = true;
    /** Nothing below it is kept. */
    private long lowest;
    private long highest;
    /** A frame was released or discarded, so {@link #lowest} only moves forward: older packets are late. */
    private boolean committed;
    /** The packet before {@link #lowest} ended a frame, so one at {@link #lowest} begins the next. */
    private boolean atFrameBoundary;
    private boolean waitingForKeyFrame = true;
    private boolean needsKeyFrame;
    private long framesDropped;
    /** So that a frame discarded a piece at a time (as the window slides over it) counts once. */
    private long lastDiscardedTimestamp = NONE;

    public VideoFrameAssembler(VideoPayloadFormat format) {
        this(format, DEFAULT_CAPACITY);
    }

    /** @param capacity most packets buffered, a power of two */
    public VideoFrameAssembler(VideoPayloadFormat format, int capacity) {
        this.format = format;
        this.window = new PacketWindow(capacity);
    }

    @Override
    public List<EncodedFrame> push(RtpPacket packet) throws MalformedPacketException {
        long seq = unwrap(packet);
        if (!empty) {
            SequenceJumpFilter.Verdict verdict = jumps.judge(seq, highest);
            if (verdict == SequenceJumpFilter.Verdict.SUSPECT) {
                return List.of();
            }
            if (verdict == SequenceJumpFilter.Verdict.RESTART) {
                restart();
                seq = unwrap(packet);
            }
        }
        if (isLate(seq) || window.get(seq) != null) {
            return List.of();
        }
        VideoPayloadFormat.Fragment fragment = packet.payloadLength() == 0 ? null
                : format.parse(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
        store(seq, packet.timestamp(), packet.marker(), fragment);
        return release();
    }

    @Override
    public boolean needsKeyFrame() {
        boolean needed = needsKeyFrame;
        needsKeyFrame = false;
        return needed;
    }

    @Override
    public long framesDropped() {
        return framesDropped;
    }

    private long unwrap(RtpPacket packet) {
        return unwrapper.unwrap(packet.sequenceNumber()) + SEQUENCE_BASE;
    }

    private boolean isLate(long seq) {
        if (empty) {
            return false;
        }
        // Until the first frame leaves, a packet reordered ahead of the first one seen is welcome.
        return committed ? seq < lowest : highest - seq >= window.capacity();
    }

    private void store(long seq, long timestamp, boolean marker, VideoPayloadFormat.Fragment fragment) {
        if (empty) {
            lowest = seq;
            highest = seq;
            empty = false;
        } else if (seq < lowest) {
            lowest = seq;
        } else if (seq > highest) {
            highest = seq;
            if (seq - lowest >= window.capacity()) {
                discard(seq - window.capacity() + 1);
                atFrameBoundary = false;
                committed = true;
                waitingForKeyFrame = true;
                needsKeyFrame = true;
            }
        }
        window.put(seq, timestamp, marker, fragment);
    }

    /** The sender started its sequence numbers over: nothing buffered belongs to the new numbering. */
    private void restart() {
        discard(highest + 1);
        unwrapper = new SequenceUnwrapper();
        empty = true;
        committed = false;
        atFrameBoundary = false;
        waitingForKeyFrame = true;
        needsKeyFrame = true;
    }

    private List<EncodedFrame> release() {
        List<EncodedFrame> out = null;
        while (true) {
            skipPadding();
            Span next = chooseNextFrame();
            if (next == null) {
                return out == null ? List.of() : out;
            }
            EncodedFrame frame = take(next);
            if (frame != null) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(frame);
            }
        }
    }

    private void skipPadding() {
        PacketWindow.Slot slot;
        while (atFrameBoundary && lowest <= highest && (slot = window.get(lowest)) != null && slot.isPadding()) {
            window.remove(lowest);
            lowest++;
        }
    }

    /**
     * The frame to release next: the one at {@link #lowest} if it is complete; a later complete key
     * frame when one is awaited; once enough later frames are complete, the first of them; else
     * null, to keep waiting. A key frame that is not yet awaited waits like any other frame: the
     * hole before it may just be reordering.
     */
    private Span chooseNextFrame() {
        Span firstComplete = null;
        int complete = 0;
        long runStart = NONE;
        long runTimestamp = 0;
        boolean runKey = false;
        for (long s = lowest; s <= highest; s++) {
            PacketWindow.Slot slot = window.get(s);
            if (slot == null || slot.isPadding()) {
                runStart = NONE;
                continue;
            }
            if (beginsFrame(s, slot)) {
                runStart = s;
                runTimestamp = slot.timestamp;
                runKey = false;
            } else if (runStart != NONE && slot.timestamp != runTimestamp) {
                runStart = NONE;
            }
            if (runStart == NONE) {
                continue;
            }
            if (s == runStart || format.keyFrameInLaterPackets()) {
                runKey |= slot.fragment.keyFrame();
            }
            if (!slot.marker) {
                continue;
            }
            Span span = new Span(runStart, s, runTimestamp, runKey);
            runStart = NONE;
            if ((span.first() == lowest && atFrameBoundary) || (span.keyFrame() && waitingForKeyFrame)) {
                return span;
            }
            if (firstComplete == null) {
                firstComplete = span;
            }
            if (++complete == FRAMES_BEFORE_GIVING_UP) {
                return firstComplete;
            }
        }
        if (firstComplete != null && !committed && firstComplete.first() == lowest) {
            // The stream starts on a delta frame and nothing earlier has arrived, so its key frame was
            // lost rather than reordered: ask now, and keep waiting.
            needsKeyFrame = true;
        }
        return null;
    }

    /**
     * Whether the packet is the first of its frame. The packet before it decides when known: it
     * ended a frame, is padding or carries another timestamp. Otherwise only the payload's own word
     * counts: a packet that merely begins a NAL unit might be the second unit of a frame whose
     * first is missing.
     */
    private boolean beginsFrame(long seq, PacketWindow.Slot slot) {
        VideoPayloadFormat.FrameStart start = slot.fragment.start();
        if (start == VideoPayloadFormat.FrameStart.NO) {
            return false;
        }
        if (seq == lowest && atFrameBoundary) {
            return true;
        }
        PacketWindow.Slot previous = window.get(seq - 1);
        if (previous != null) {
            return previous.isPadding() || previous.marker || previous.timestamp != slot.timestamp;
        }
        return start == VideoPayloadFormat.FrameStart.CERTAIN;
    }

    /** Releases the span, or drops it while waiting for a key frame; null when dropped. */
    private EncodedFrame take(Span span) {
        if (span.first() != lowest || !atFrameBoundary) {
            discard(span.first());
            if (!span.keyFrame()) {
                waitingForKeyFrame = true;
            }
        }
        committed = true;
        atFrameBoundary = true;
        lowest = span.last() + 1;
        if (waitingForKeyFrame && !span.keyFrame()) {
            for (long s = span.first(); s <= span.last(); s++) {
                window.remove(s);
            }
            framesDropped++;
            needsKeyFrame = true;
            return null;
        }
        waitingForKeyFrame = false;
        byte[] data = assemble(span);
        Dimensions size = span.keyFrame() ? format.dimensions(data) : Dimensions.UNKNOWN;
        return new EncodedFrame(data, span.timestamp(), span.keyFrame(), size.width(), size.height(),
                (int) (span.first() & 0xFFFF), (int) (span.last() & 0xFFFF));
    }

    /** Concatenates the span's fragments and frees their slots. */
    private byte[] assemble(Span span) {
        int size = 0;
        for (long s = span.first(); s <= span.last(); s++) {
            size += window.get(s).fragment.data().length;
        }
        byte[] data = new byte[size];
        int pos = 0;
        for (long s = span.first(); s <= span.last(); s++) {
            byte[] fragment = window.get(s).fragment.data();
            System.arraycopy(fragment, 0, data, pos, fragment.length);
            pos += fragment.length;
            window.remove(s);
        }
        return data;
    }

    /**
     * Gives up on every packet below {@code until} and moves {@link #lowest} there. Frames are
     * counted by timestamp; a range with a missing packet and nothing else lost at least one.
     */
    private void discard(long until) {
        long frames = 0;
        boolean missing = false;
        for (long s = lowest; s < until; s++) {
            PacketWindow.Slot slot = window.get(s);
            if (slot == null) {
                missing = true;
            } else {
                if (!slot.isPadding() && slot.timestamp != lastDiscardedTimestamp) {
                    frames++;
                    lastDiscardedTimestamp = slot.timestamp;
                }
                window.remove(s);
            }
        }
        framesDropped += frames == 0 && missing ? 1 : frames;
        lowest = Math.max(lowest, until);
    }
}
