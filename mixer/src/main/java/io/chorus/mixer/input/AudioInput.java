package io.chorus.mixer.input;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.audio.AudioJitterBuffer;
import io.chorus.mixer.audio.AudioLevel;
import io.chorus.mixer.audio.ParticipantAudioControls;
import io.chorus.mixer.codec.OpusDecoder;

/**
 * One participant's audio on its way into the mix: the network side pushes Opus packets into a
 * jitter buffer, and once per 20 ms tick the audio tick takes one frame out, decoding it, or
 * concealing a loss with Opus PLC, or reporting silence when the stream is absent.
 */
public final class AudioInput implements AutoCloseable {
    private final String participantId;
    private final SenderClock senderClock;
    private final AudioJitterBuffer jitter = new AudioJitterBuffer();
    private final OpusDecoder decoder = new OpusDecoder();
    private final short[] pcm = new short[OpusDecoder.MAX_SAMPLES];
    private final short[] frame = new short[AudioFormat.SAMPLES_PER_FRAME];
    private volatile ParticipantAudioControls controls = ParticipantAudioControls.DEFAULT;
    private volatile int extensionLevel = -1;
    private volatile PlayoutPoint lastPlayout;
    private int level = AudioLevel.SILENCE;
    private boolean closed;

    /**
     * Where playout stood at the last tick: the sender capture time of the audio it played and the
     * room time (media clock, microseconds) of that tick. Published as one object.
     */
    private record PlayoutPoint(long captureMicros, long roomMicros) {
    }

    public AudioInput(String participantId, SenderClock senderClock) {
        this.participantId = participantId;
        this.senderClock = senderClock;
    }

    /**
     * Network side: one Opus packet, never blocks.
     *
     * @param audioLevel RFC 6464 level of the packet from its header extension, or -1 without one
     */
    public void offer(EncodedFrame packet, int audioLevel, long arrivalNanos) {
        if (audioLevel > AudioLevel.SILENCE) {
            throw new IllegalArgumentException("RFC 6464 level must be 0..127 or -1: " + audioLevel);
        }
        extensionLevel = audioLevel;
        jitter.push(packet.data(), packet.timestamp(), arrivalNanos);
    }

    /**
     * Audio tick: this participant's next 20 ms of PCM, or null when it sends nothing. The array is
     * reused by the next call.
     *
     * @param roomMicros the tick's time on the room's media clock
     */
    public short[] nextFrame(long roomMicros) {
        synchronized (decoder) {
            if (closed) {
                return null;
            }
            AudioJitterBuffer.Playout playout = jitter.poll();
            int samples;
            switch (playout.kind()) {
                case PACKET -> {
                    samples = decoder.decode(playout.payload(), 0, playout.payload().length, pcm);
                    long capture = senderClock.captureMicros(jitter.lastPlayedTimestamp());
                    lastPlayout = capture == Long.MIN_VALUE ? null : new PlayoutPoint(capture, roomMicros);
                }
                case MISSING -> {
                    samples = decoder.conceal(pcm, playout.samples());
                    PlayoutPoint previous = lastPlayout;
                    if (previous != null) {
                        lastPlayout = new PlayoutPoint(
                                previous.captureMicros() + playout.samples() * 1_000_000L / AudioFormat.SAMPLE_RATE,
                                roomMicros);
                    }
                }
                default -> {
                    level = AudioLevel.SILENCE;
                    lastPlayout = null;
                    return null;
                }
            }
            if (samples <= 0) {
                level = AudioLevel.SILENCE;
                return null;
            }
            fitToFrame(samples);
            int fromExtension = extensionLevel;
            level = fromExtension >= 0 && playout.kind() == AudioJitterBuffer.Kind.PACKET
                    ? fromExtension : AudioLevel.fromPcm(frame);
            return frame;
        }
    }

    /**
     * Packets longer than 20 ms are rare from browsers; a tick plays exactly 20 ms, so a longer
     * decode is truncated and a shorter one padded with silence rather than shifting the timeline.
     */
    private void fitToFrame(int samples) {
        int n = Math.min(samples, frame.length);
        System.arraycopy(pcm, 0, frame, 0, n);
        java.util.Arrays.fill(frame, n, frame.length, (short) 0);
    }

    /** RFC 6464 level (0 loud .. 127 silent) of the last frame returned by {@link #nextFrame()}. */
    public int level() {
        return level;
    }

    public ParticipantAudioControls controls() {
        return controls;
    }

    public void setMuted(boolean muted) {
        controls = controls.withMuted(muted);
    }

    public void setGainDb(double gainDb) {
        controls = controls.withGainDb(gainDb);
    }

    /**
     * Sender capture time of the audio that plays at room time {@code roomMicros}, reckoned from the
     * last tick's playout as if it runs on unbroken: a video tick asks for its own instant, which
     * falls between audio ticks, or after a late audio tick that has yet to catch up.
     * {@link Long#MIN_VALUE} while unknown (no audio, or no sender report yet).
     */
    public long playoutCaptureMicrosAt(long roomMicros) {
        PlayoutPoint p = lastPlayout;
        return p == null ? Long.MIN_VALUE : p.captureMicros() + (roomMicros - p.roomMicros());
    }

    public AudioJitterBuffer.Stats jitterStats() {
        return jitter.stats();
    }

    public String participantId() {
        return participantId;
    }

    /** Frees the decoder; a tick in progress finishes first. */
    @Override
    public void close() {
        synchronized (decoder) {
            closed = true;
            decoder.close();
        }
    }
}
