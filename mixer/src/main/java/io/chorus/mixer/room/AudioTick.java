package io.chorus.mixer.room;

import io.chorus.mixer.audio.ActiveSpeakerDetector;
import io.chorus.mixer.audio.AudioLevel;
import io.chorus.mixer.audio.MixMinusMixer;
import io.chorus.mixer.audio.ParticipantAudioControls;
import io.chorus.mixer.audio.ParticipantLevels;
import io.chorus.mixer.audio.SpeakerSelector;
import io.chorus.mixer.clock.TickRate;
import io.chorus.mixer.clock.TickTask;
import io.chorus.mixer.input.AudioInput;
import io.chorus.mixer.output.AudioOutputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One audio tick: take 20 ms from every participant, read or measure levels, choose the loudest
 * speakers, decode and mix just them once with mix-minus, encode what the listeners need, and report
 * the dominant speaker.
 */
final class AudioTick implements TickTask {
    static final TickRate RATE = TickRate.audio();
    private final MixMinusMixer mixer = new MixMinusMixer();
    private final ParticipantLevels levels = new ParticipantLevels();
    private final SpeakerSelector selector;
    private final ActiveSpeakerDetector detector = new ActiveSpeakerDetector();
    private final AudioOutputs outputs;
    private final Supplier<List<MixerParticipant>> participants;
    private final MixerEvents events;
    private final Map<String, short[]> frames = new HashMap<>();
    private final Map<String, ParticipantAudioControls> controls = new HashMap<>();
    private final List<MixMinusMixer.Contribution> contributions = new ArrayList<>();
    private final List<MixerParticipant> undecided = new ArrayList<>();
    private final TickCpu cpu = new TickCpu();
    private volatile String activeSpeaker;

    AudioTick(int mixedSpeakers, AudioOutputs outputs, Supplier<List<MixerParticipant>> participants,
            MixerEvents events) {
        this.selector = new SpeakerSelector(mixedSpeakers);
        this.outputs = outputs;
        this.participants = participants;
        this.events = events;
    }

    String activeSpeaker() {
        return activeSpeaker;
    }

    long cpuNanos() {
        return cpu.nanos();
    }

    @Override
    public void onTick(long tick, long rtpTimestamp) {
        long start = TickCpu.now();
        long roomMicros = RATE.offsetNanos(tick) / 1000;
        frames.clear();
        controls.clear();
        undecided.clear();
        for (MixerParticipant p : participants.get()) {
            AudioInput audio = p.audio();
            ParticipantAudioControls c = audio.controls();
            controls.put(p.id(), c);
            int level = audio.poll(roomMicros);
            if (level == AudioInput.LEVEL_UNKNOWN) {
                short[] pcm = audio.decode();
                level = pcm == null ? AudioLevel.SILENCE : AudioLevel.fromPcm(pcm);
                if (pcm != null) {
                    frames.put(p.id(), pcm);
                }
            } else {
                undecided.add(p);
            }
            levels.observe(p.id(), level, c);
        }
        levels.endTick();
        Set<String> speakers = selector.select(levels);
        decodeOnlyWhatIsMixed(speakers);
        contributions.clear();
        for (String id : speakers) {
            short[] pcm = frames.get(id);
            ParticipantAudioControls c = controls.get(id);
            if (pcm != null && c != null && !c.muted()) {
                contributions.add(new MixMinusMixer.Contribution(id, pcm, c.linearGain()));
            }
        }
        mixer.mix(contributions);
        outputs.deliver(mixer, rtpTimestamp);
        detector.update(levels).ifPresent(change -> {
            activeSpeaker = change.current();
            events.onActiveSpeaker(change.current());
        });
        cpu.addSince(start);
    }

    /**
     * Participants whose level the sender told us are decoded only when their voice is mixed this
     * tick; the rest (listeners, and voices beyond the K loudest) cost no decoding.
     */
    private void decodeOnlyWhatIsMixed(Set<String> speakers) {
        for (MixerParticipant p : undecided) {
            if (speakers.contains(p.id()) && !controls.get(p.id()).muted()) {
                short[] pcm = p.audio().decode();
                if (pcm != null) {
                    frames.put(p.id(), pcm);
                }
            } else {
                p.audio().skip();
            }
        }
    }
}
