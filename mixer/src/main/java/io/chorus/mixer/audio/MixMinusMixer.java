package io.chorus.mixer.audio;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Mixes one 20 ms tick of the selected speakers into the streams listeners hear: the full mix, which
 * every listener who is not a mixed speaker receives, and for each mixed speaker the mix without
 * their own voice. The speakers are summed once in 32 bits and each speaker's output is that sum
 * minus their own (gain-scaled) samples, so a tick costs O(speakers), not O(speakers squared).
 *
 * <p>Each output has its own {@link SoftLimiter}. A speaker's limiter, and its gain history, lives
 * as long as that participant stays a mixed speaker; when they drop out of the mix it is reset and
 * kept for reuse by the next newcomer, so speaker changes do not allocate either.
 *
 * <p>Not thread-safe: one tick thread calls {@link #mix} and reads the outputs. Returned arrays
 * belong to the mixer and are overwritten by the next {@code mix}.
 */
public final class MixMinusMixer {
    private static final int SAMPLES = AudioFormat.SAMPLES_PER_FRAME;

    private final int[] sum = new int[SAMPLES];
    private final SoftLimiter fullMixLimiter = new SoftLimiter();
    private final short[] fullMix = new short[SAMPLES];
    private final Map<String, SpeakerOutput> speakers = new LinkedHashMap<>();
    private final Set<String> speakerView = Collections.unmodifiableSet(speakers.keySet());
    private final ArrayDeque<SpeakerOutput> spareOutputs = new ArrayDeque<>();
    private long tick;

    /**
     * One mixed speaker's audio for a tick. The record may be kept and reused from tick to tick
     * while {@code pcm} is refilled in place.
     *
     * @param pcm  exactly {@link AudioFormat#SAMPLES_PER_FRAME} samples, already decoded or concealed
     * @param gain linear amplitude factor, 0..{@link ParticipantAudioControls#MAX_LINEAR_GAIN}, e.g.
     *             {@link ParticipantAudioControls#linearGain()}; bounded so that the 32-bit sum cannot overflow
     */
    public record Contribution(String participantId, short[] pcm, float gain) {
        public Contribution {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(pcm, "pcm");
            if (pcm.length != SAMPLES) {
                throw new IllegalArgumentException(
                        "contribution of " + participantId + " has " + pcm.length + " samples, expected " + SAMPLES);
            }
            if (!(gain >= 0 && gain <= ParticipantAudioControls.MAX_LINEAR_GAIN)) {
                throw new IllegalArgumentException("gain of " + participantId + " must be 0.."
                        + ParticipantAudioControls.MAX_LINEAR_GAIN + ", got " + gain);
            }
        }
    }

    /**
     * Mixes this tick's speakers. Participants mixed in the previous tick but absent now stop
     * being mixed speakers.
     */
    public void mix(List<Contribution> contributions) {
        rejectDuplicateSpeakers(contributions);
        tick++;
        Arrays.fill(sum, 0);
        for (int c = 0; c < contributions.size(); c++) {
            Contribution contribution = contributions.get(c);
            SpeakerOutput speaker = speakerFor(contribution.participantId());
            speaker.scale(contribution);
            int[] own = speaker.scaled;
            for (int i = 0; i < SAMPLES; i++) {
                sum[i] += own[i];
            }
        }
        releaseSpeakersAbsentThisTick();
        fullMixLimiter.process(sum, fullMix);
        for (SpeakerOutput speaker : speakers.values()) {
            speaker.renderMixMinus(sum);
        }
    }

    /** What listeners who are not mixed speakers hear. */
    public short[] fullMix() {
        return fullMix;
    }

    /** What a mixed speaker hears: everyone mixed except themselves. */
    public short[] mixMinus(String participantId) {
        SpeakerOutput speaker = speakers.get(participantId);
        if (speaker == null) {
            throw new IllegalArgumentException(participantId + " is not a mixed speaker in this tick");
        }
        return speaker.mixMinus;
    }

    /** What a participant should hear: their mix-minus if they are a mixed speaker, else the full mix. */
    public short[] outputFor(String participantId) {
        SpeakerOutput speaker = speakers.get(participantId);
        return speaker == null ? fullMix : speaker.mixMinus;
    }

    /** The participants mixed in the last tick (a live, read-only view). */
    public Set<String> mixedSpeakers() {
        return speakerView;
    }

    private SpeakerOutput speakerFor(String participantId) {
        SpeakerOutput speaker = speakers.get(participantId);
        if (speaker == null) {
            speaker = spareOutputs.isEmpty() ? new SpeakerOutput() : spareOutputs.pop();
            speakers.put(participantId, speaker);
        }
        speaker.lastTick = tick;
        return speaker;
    }

    /** Checked before any state changes, so a bad call leaves the previous tick's outputs intact. */
    private static void rejectDuplicateSpeakers(List<Contribution> contributions) {
        for (int c = 1; c < contributions.size(); c++) {
            String id = contributions.get(c).participantId();
            for (int earlier = 0; earlier < c; earlier++) {
                if (contributions.get(earlier).participantId().equals(id)) {
                    throw new IllegalArgumentException(id + " contributes twice in one tick");
                }
            }
        }
    }

    private void releaseSpeakersAbsentThisTick() {
        Iterator<SpeakerOutput> it = speakers.values().iterator();
        while (it.hasNext()) {
            SpeakerOutput speaker = it.next();
            if (speaker.lastTick != tick) {
                it.remove();
                speaker.limiter.reset();
                spareOutputs.push(speaker);
            }
        }
    }

    /** A mixed speaker's gain-scaled samples and their mix-minus output with its limiter. */
    private static final class SpeakerOutput {
        final int[] scaled = new int[SAMPLES];
        final int[] minusOwn = new int[SAMPLES];
        final short[] mixMinus = new short[SAMPLES];
        final SoftLimiter limiter = new SoftLimiter();
        long lastTick;

        void scale(Contribution contribution) {
            short[] pcm = contribution.pcm();
            float gain = contribution.gain();
            if (gain == 1f) {
                for (int i = 0; i < SAMPLES; i++) {
                    scaled[i] = pcm[i];
                }
            } else {
                for (int i = 0; i < SAMPLES; i++) {
                    scaled[i] = Math.round(pcm[i] * gain);
                }
            }
        }

        void renderMixMinus(int[] sum) {
            for (int i = 0; i < SAMPLES; i++) {
                minusOwn[i] = sum[i] - scaled[i];
            }
            limiter.process(minusOwn, mixMinus);
        }
    }
}
