package io.chorus.mixer.input;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.AudioFormat;
import io.chorus.mixer.audio.AudioJitterBuffer;
import io.chorus.mixer.audio.AudioLevel;
import io.chorus.mixer.audio.ParticipantAudioControls;
import io.chorus.mixer.codec.OpusDecoder;
import io.chorus.mixer.codec.OpusLibrary;

/**
 * One participant's audio on its way into the mix: the network side pushes Opus packets into a
 * jitter buffer, and once per 20 ms tick the audio tick takes one frame's worth out in two steps.
 * {@link #poll} takes the next packet (or gap) and says how loud it is when the sender told us
 * (RFC 6464); then the tick either {@link #decode}s it, concealing a loss with Opus PLC, or
 * {@link #skip}s it. A participant who is silent and not mixed is skipped: with levels on every
 * packet, a room of listeners costs no decoding at all. The packet that ended the skipped run is
 * decoded (output discarded) before the first one decoded again, so the decoder resumes from the
 * sound just before, not from where it stopped: no click at the start of a phrase.
 */
public final class AudioInput implements AutoCloseable {
    /** What {@link #poll} returns when only decoding can tell the level: the packet had none, or a loss. */
    public static final int LEVEL_UNKNOWN = -1;

    private final String participantId;
    private final SenderClock senderClock;
    private final AudioJitterBuffer jitter = new AudioJitterBuffer();
    private final OpusDecoder decoder = OpusLibrary.decoder();
    private final short[] pcm = new short[OpusDecoder.MAX_SAMPLES];
    private final short[] frame = new short[AudioFormat.SAMPLES_PER_FRAME];
    private volatile ParticipantAudioControls controls = ParticipantAudioControls.DEFAULT;
    private volatile PlayoutPoint lastPlayout;
    private AudioJitterBuffer.Playout pending;
    private byte[] lastSkippedPacket;
    private boolean decoderLive;
    private volatile long skippedDecodes;
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
        jitter.push(packet.data(), packet.timestamp(), audioLevel, arrivalNanos);
    }

    /**
     * Audio tick, first step: takes this participant's next 20 ms from the jitter buffer without
     * decoding it. Exactly one of {@link #decode} or {@link #skip} must follow.
     *
     * @param roomMicros the tick's time on the room's media clock
     * @return the RFC 6464 level the sender gave the packet; {@link AudioLevel#SILENCE} when there
     *         is nothing to play (no stream, a DTX pause, or a loss while skipped: nothing to
     *         conceal); {@link #LEVEL_UNKNOWN} when only decoding can tell
     */
    public int poll(long roomMicros) {
        synchronized (decoder) {
            if (closed) {
                pending = null;
                return AudioLevel.SILENCE;
            }
            pending = jitter.poll();
            switch (pending.kind()) {
                case PACKET -> {
                    long capture = senderClock.captureMicros(jitter.lastPlayedTimestamp());
                    lastPlayout = capture == Long.MIN_VALUE ? null : new PlayoutPoint(capture, roomMicros);
                    return pending.level() >= 0 ? pending.level() : LEVEL_UNKNOWN;
                }
                case MISSING -> {
                    PlayoutPoint previous = lastPlayout;
                    if (previous != null) {
                        lastPlayout = new PlayoutPoint(
                                previous.captureMicros() + pending.samples() * 1_000_000L / AudioFormat.SAMPLE_RATE,
                                roomMicros);
                    }
                    return decoderLive ? LEVEL_UNKNOWN : AudioLevel.SILENCE;
                }
                default -> {
                    lastPlayout = null;
                    return AudioLevel.SILENCE;
                }
            }
        }
    }

    /**
     * Audio tick, second step: decodes (or conceals) what {@link #poll} took. Returns 20 ms of PCM,
     * or null when there is nothing to play. The array is reused by the next call.
     */
    public short[] decode() {
        synchronized (decoder) {
            AudioJitterBuffer.Playout playout = takePending();
            if (playout == null) {
                return null;
            }
            int samples;
            switch (playout.kind()) {
                case PACKET -> {
                    resumeIfSkipping();
                    samples = decoder.decode(playout.payload(), 0, playout.payload().length, pcm);
                }
                case MISSING -> samples = decoderLive ? decoder.conceal(pcm, playout.samples()) : 0;
                default -> samples = 0;
            }
            decoderLive = samples > 0 || (decoderLive && playout.kind() != AudioJitterBuffer.Kind.SILENT);
            if (samples <= 0) {
                return null;
            }
            fitToFrame(samples);
            return frame;
        }
    }

    /** Audio tick, second step when the frame is not needed: nothing is decoded. */
    public void skip() {
        synchronized (decoder) {
            AudioJitterBuffer.Playout playout = takePending();
            if (playout != null && playout.kind() == AudioJitterBuffer.Kind.PACKET) {
                lastSkippedPacket = playout.payload();
                skippedDecodes++;
            }
            decoderLive = false;
        }
    }

    /** Packets not decoded because nobody needed to hear them (written by the tick, read from anywhere). */
    public long skippedDecodes() {
        return skippedDecodes;
    }

    private AudioJitterBuffer.Playout takePending() {
        AudioJitterBuffer.Playout playout = pending;
        pending = null;
        return closed ? null : playout;
    }

    /** Primes the decoder with the packet just before this one, so the resumed sound is continuous. */
    private void resumeIfSkipping() {
        if (!decoderLive && lastSkippedPacket != null) {
            decoder.decode(lastSkippedPacket, 0, lastSkippedPacket.length, pcm);
        }
        lastSkippedPacket = null;
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
