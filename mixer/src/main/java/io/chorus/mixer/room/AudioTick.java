package io.chorus.mixer.room;

import io.chorus.mixer.audio.ActiveSpeakerDetector;
import io.chorus.mixer.audio.AudioLevel;
import io.chorus.mixer.audio.MixMinusMixer;
import io.chorus.mixer.audio.ParticipantAudioControls;
import io.chorus.mixer.audio.ParticipantLevels;
import io.chorus.mixer.audio.SpeakerSelector;
import io.chorus.mixer.clock.TickRate;
import io.chorus.mixer.clock.TickTask;
import io.chorus.mixer.output.AudioOutputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One audio tick: take 20 ms from every participant, measure levels, choose the loudest speakers,
 * mix them once with mix-minus, encode what the listeners need, and report the dominant speaker.
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
        for (MixerParticipant p : participants.get()) {
            short[] pcm = p.audio().nextFrame(roomMicros);
            ParticipantAudioControls c = p.audio().controls();
            levels.observe(p.id(), pcm == null ? AudioLevel.SILENCE : p.audio().level(), c);
            if (pcm != null) {
                frames.put(p.id(), pcm);
                controls.put(p.id(), c);
            }
        }
        levels.endTick();
        Set<String> speakers = selector.select(levels);
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
}
