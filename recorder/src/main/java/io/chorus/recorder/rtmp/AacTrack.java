package io.chorus.recorder.rtmp;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.codec.AacEncoder;
import io.chorus.mixer.codec.OpusDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the room's Opus mix into AAC for FLV, continuously for the whole broadcast, connected or
 * not: the AAC encoder counts samples from its first input, so it must see an unbroken stream.
 * Frames lost before they reached this track (a full queue while a connection attempt blocked)
 * are filled with concealment, which libopus fades to silence, keeping AAC time equal to room time.
 * AAC frames come back with their start on the {@link RoomTimeline}, in 1/720000 s.
 */
final class AacTrack implements AutoCloseable {
    private static final long FRAME_UNITS = RoomTimeline.UNITS_PER_SECOND * AudioFormat.FRAME_MILLIS / 1000;
    private static final long UNITS_PER_SAMPLE = RoomTimeline.UNITS_PER_SECOND / AudioFormat.SAMPLE_RATE;

    private final OpusDecoder decoder = new OpusDecoder();
    private final AacEncoder encoder;
    private final short[] pcm = new short[OpusDecoder.MAX_SAMPLES];
    private final short[] frame = new short[AudioFormat.SAMPLES_PER_FRAME];
    private long nextUnits;
    private boolean started;
    private long concealedFrames;
    private boolean closed;

    AacTrack(int bitrateBps) {
        AacEncoder opened;
        try {
            opened = new AacEncoder(bitrateBps);
        } catch (RuntimeException e) {
            decoder.close();
            throw e;
        }
        encoder = opened;
    }

    byte[] audioSpecificConfig() {
        return encoder.extradata();
    }

    /**
     * Adds the 20 ms Opus packet that starts at {@code units} on the timeline.
     *
     * @return the AAC frames it completed, each with its start in timeline units
     */
    List<TimedPacket> push(byte[] opus, long units) {
        List<TimedPacket> out = new ArrayList<>(2);
        if (started && units < nextUnits - FRAME_UNITS / 2) {
            return out; // a duplicate or a frame older than what is already encoded
        }
        if (!started) {
            started = true;
            nextUnits = units;
        }
        while (units >= nextUnits + FRAME_UNITS / 2) {
            decoder.conceal(frame, frame.length);
            concealedFrames++;
            encode(frame, out);
        }
        int samples = decoder.decode(opus, 0, opus.length, pcm);
        if (samples == AudioFormat.SAMPLES_PER_FRAME) {
            System.arraycopy(pcm, 0, frame, 0, frame.length);
        } else {
            // Not a 20 ms Opus packet (the mixer sends nothing else): keep time with concealment.
            decoder.conceal(frame, frame.length);
            concealedFrames++;
        }
        encode(frame, out);
        return out;
    }

    /** 20 ms frames filled in for packets that never arrived or did not decode. */
    long concealedFrames() {
        return concealedFrames;
    }

    private void encode(short[] samples, List<TimedPacket> out) {
        for (EncodedFrame aac : encoder.encode(samples, Math.floorDiv(nextUnits, UNITS_PER_SAMPLE))) {
            out.add(new TimedPacket(aac.data(), aac.timestamp() * UNITS_PER_SAMPLE, true));
        }
        nextUnits += FRAME_UNITS;
    }

    /** Idempotent: the broadcast's failure path and its owner's stop may both close it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        encoder.close();
        decoder.close();
    }
}
