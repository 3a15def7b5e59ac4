package io.chorus.core.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chorus.core.MalformedPacketException;
import io.chorus.core.rtp.RtpPacket;
import io.chorus.core.rtp.SequenceUnwrapper;

/**
 * Builds complete video frames from packets that may arrive reordered, duplicated or with holes
 * that NACK may still fill. A frame is a run of consecutive sequence numbers with one timestamp,
 * from a packet the format says can start a frame up to the packet with the marker bit; it is
 * released only after the frame before it, so the decoder always gets frames in order.
 * <p>
 * A hole that does not heal while {@value #FRAMES_BEFORE_GIVING_UP} later frames complete is
 * declared lost: everything before the next complete frame is discarded, and frames are withheld
 * until a key frame arrives, since VP8 and H.264 delta frames depend on what was lost. The same
 * rule holds at the start: the first frame released is a key frame.
 */
public final class VideoFrameAssembler implements Depacketizer {
    static final int FRAMES_BEFORE_GIVING_UP = 8;
    static final int MAX_BUFFERED_PACKETS = 1000;

    private record Slot(long timestamp, boolean marker, VideoPayloadFormat.Fragment fragment) {
    }

    private record FrameSpan(long first, long last, long timestamp) {
    }

    private final VideoPayloadFormat format;
    /**
     * Added to unwrapped sequence numbers so that packets reordered before the first one seen stay
     * positive and -1 can mean "nothing yet".
     */
    private static final long SEQUENCE_BASE = 1L << 32;

    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private long lastReleased = -1;
    private boolean waitingForKeyFrame = true;
    private boolean needsKeyFrame;
    private long framesDropped;

    public VideoFrameAssembler(VideoPayloadFormat format) {
        this.format = format;
    }

    @Override
    public List<EncodedFrame> push(RtpPacket packet) throws MalformedPacketException {
        long seq = unwrapper.unwrap(packet.sequenceNumber()) + SEQUENCE_BASE;
        if ((lastReleased >= 0 && seq <= lastReleased) || slots.containsKey(seq)) {
            return List.of();
        }
        VideoPayloadFormat.Fragment fragment = format.parse(packet.buffer(), packet.payloadOffset(),
                packet.payloadLength());
        slots.put(seq, new Slot(packet.timestamp(), packet.marker(), fragment));
        if (slots.size() > MAX_BUFFERED_PACKETS) {
            discardBefore(slots.lastKey());
            waitingForKeyFrame = true;
            needsKeyFrame = true;
        }
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

    private List<EncodedFrame> release() {
        List<EncodedFrame> out = new ArrayList<>(1);
        while (true) {
            List<FrameSpan> complete = completeFrames();
            if (complete.isEmpty()) {
                return out;
            }
            FrameSpan next = complete.get(0);
            byte[] data = assemble(next);
            boolean key = format.isKeyFrame(data);
            boolean contiguous = lastReleased >= 0 && next.first() == lastReleased + 1;
            boolean mayStillHeal = !contiguous && !key && complete.size() < FRAMES_BEFORE_GIVING_UP;
            if (mayStillHeal) {
                // A hole before this frame may yet be filled by NACK or reordering (at the very start,
                // the key frame may simply not have arrived yet), unless a later key frame makes it moot.
                FrameSpan laterKey = firstKeyFrame(complete);
                if (laterKey == null) {
                    // Starting on a delta frame means the key frame was missed: ask now, keep waiting.
                    needsKeyFrame |= lastReleased < 0;
                    return out;
                }
                next = laterKey;
                data = assemble(next);
                key = true;
            }
            if (!contiguous && lastReleased >= 0 && !key) {
                waitingForKeyFrame = true;
            }
            discardBefore(next.first());
            removeSpan(next);
            lastReleased = next.last();
            if (waitingForKeyFrame && !key) {
                framesDropped++;
                needsKeyFrame = true;
                continue;
            }
            waitingForKeyFrame = false;
            int[] size = key ? format.dimensions(data) : new int[] {0, 0};
            out.add(new EncodedFrame(data, next.timestamp(), key, size[0], size[1]));
        }
    }

    private FrameSpan firstKeyFrame(List<FrameSpan> complete) {
        for (FrameSpan span : complete) {
            if (format.isKeyFrame(assemble(span))) {
                return span;
            }
        }
        return null;
    }

    /** Complete frames in sequence order. */
    private List<FrameSpan> completeFrames() {
        List<FrameSpan> frames = new ArrayList<>();
        Long runStart = null;
        long expected = Long.MIN_VALUE;
        for (Map.Entry<Long, Slot> entry : slots.entrySet()) {
            long seq = entry.getKey();
            Slot slot = entry.getValue();
            boolean continues = runStart != null && seq == expected
                    && slot.timestamp() == slots.get(runStart).timestamp();
            if (!continues) {
                runStart = isFrameStart(seq, slot) ? seq : null;
            }
            expected = seq + 1;
            if (runStart != null && slot.marker()) {
                frames.add(new FrameSpan(runStart, seq, slot.timestamp()));
                runStart = null;
            }
        }
        return frames;
    }

    /** A packet begins a frame if the format allows it and nothing of its frame can precede it. */
    private boolean isFrameStart(long seq, Slot slot) {
        if (!slot.fragment().frameStart()) {
            return false;
        }
        if (seq == lastReleased + 1) {
            return true;
        }
        Slot previous = slots.get(seq - 1);
        if (previous != null) {
            return previous.marker() || previous.timestamp() != slot.timestamp();
        }
        // The packet before it is missing: only a frame that announces its own start (VP8's S bit,
        // an H.264 NAL that is not a middle fragment) can be trusted, and only before anything was released.
        return lastReleased < 0 && slots.firstKey() == seq;
    }

    private byte[] assemble(FrameSpan span) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Slot slot : slots.subMap(span.first(), true, span.last(), true).values()) {
            out.writeBytes(slot.fragment().data());
        }
        return out.toByteArray();
    }

    private void removeSpan(FrameSpan span) {
        slots.subMap(span.first(), true, span.last(), true).clear();
    }

    /** Gives up on every packet before {@code seq}; counts the frames they belonged to. */
    private void discardBefore(long seq) {
        Map<Long, Slot> stale = slots.headMap(seq, false);
        if (!stale.isEmpty()) {
            framesDropped += stale.values().stream().mapToLong(Slot::timestamp).distinct().count();
            stale.clear();
        }
    }
}
