package io.chorus.mixer.output;

import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.mixer.audio.MixMinusMixer;
import io.chorus.mixer.codec.OpusEncoder;
import io.chorus.mixer.codec.OpusLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoded audio of one room. Listeners who are not among the mixed speakers all hear the same
 * full mix, encoded once; each mixed speaker who listens gets the mix minus their own voice from an
 * encoder of their own. So a room never runs more than (mixed speakers + 1) Opus encoders, however
 * many listen. Speakers change from tick to tick, so their encoders come from a pool that the
 * lifecycle thread keeps topped up: the tick only takes and returns warm encoders.
 */
public final class AudioOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(AudioOutputs.class);

    private final CodecLifecycle lifecycle;
    private final int bitrateBps;
    private final int maxMixedSpeakers;
    private final TickCommands commands = new TickCommands();
    private final Map<String, MediaSink> listeners = new LinkedHashMap<>();
    private final Map<String, OpusEncoder> speakerEncoders = new HashMap<>();
    private final ConcurrentLinkedQueue<OpusEncoder> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger openEncoders = new AtomicInteger();
    private final AtomicInteger speakerEncodersOpen = new AtomicInteger();
    private volatile int speakerEncodersNeeded;
    private final AtomicLong shortfalls = new AtomicLong();
    private final List<String> released = new ArrayList<>();
    private volatile OpusEncoder fullMixEncoder;
    private volatile int listenerCount;
    private volatile int encodersInUse;

    public AudioOutputs(CodecLifecycle lifecycle, int bitrateBps, int maxMixedSpeakers) {
        if (maxMixedSpeakers < 1) {
            throw new IllegalArgumentException("at least one mixed speaker: " + maxMixedSpeakers);
        }
        this.lifecycle = lifecycle;
        this.bitrateBps = bitrateBps;
        this.maxMixedSpeakers = maxMixedSpeakers;
    }

    public void subscribe(String listenerId, MediaSink sink) {
        commands.post(() -> {
            listeners.put(listenerId, sink);
            listenersChanged();
        });
    }

    public void unsubscribe(String listenerId) {
        commands.post(() -> {
            listeners.remove(listenerId);
            listenersChanged();
        });
    }

    /** Tick thread: encodes what this tick's listeners need from {@code mix} and hands it to them. */
    public void deliver(MixMinusMixer mix, long rtpTimestamp) {
        commands.applyPending();
        Set<String> speakers = mix.mixedSpeakers();
        returnEncodersOfFormerSpeakers(speakers);
        EncodedFrame fullMix = null;
        int inUse = 0;
        for (Map.Entry<String, MediaSink> listener : listeners.entrySet()) {
            String id = listener.getKey();
            EncodedFrame frame;
            if (speakers.contains(id)) {
                OpusEncoder encoder = speakerEncoders.computeIfAbsent(id, k -> pool.poll());
                if (encoder == null) {
                    speakerEncoders.remove(id);
                    shortfalls.incrementAndGet();
                    continue;
                }
                inUse++;
                frame = EncodedFrame.audio(encoder.encode(mix.mixMinus(id)), rtpTimestamp);
            } else {
                if (fullMix == null) {
                    OpusEncoder shared = fullMixEncoder;
                    if (shared == null) {
                        continue;
                    }
                    inUse++;
                    fullMix = EncodedFrame.audio(shared.encode(mix.fullMix()), rtpTimestamp);
                }
                frame = fullMix;
            }
            listener.getValue().onFrame(frame);
        }
        encodersInUse = inUse;
    }

    /** Encoders open now (warm in the pool, assigned to speakers, or the shared full-mix one). */
    public int openEncoders() {
        return openEncoders.get();
    }

    /** Encoders that produced a frame in the last tick. */
    public int encodersInUse() {
        return encodersInUse;
    }

    /** Ticks in which a mixed speaker got no audio because no warm encoder was ready for them. */
    public long shortfalls() {
        return shortfalls.get();
    }

    public int listeners() {
        return listenerCount;
    }

    /** Tick thread, when the room ends: every encoder goes to the lifecycle thread to be closed. */
    public void closeAll() {
        commands.applyPending();
        listeners.clear();
        for (OpusEncoder e : speakerEncoders.values()) {
            pool.add(e);
        }
        speakerEncoders.clear();
        speakerEncodersNeeded = 0;
        lifecycle.run("close audio encoders", () -> {
            resizePool();
            OpusEncoder shared = fullMixEncoder;
            fullMixEncoder = null;
            if (shared != null) {
                shared.close();
                openEncoders.decrementAndGet();
            }
        });
    }

    private void returnEncodersOfFormerSpeakers(Set<String> speakers) {
        released.clear();
        for (String id : speakerEncoders.keySet()) {
            if (!speakers.contains(id) || !listeners.containsKey(id)) {
                released.add(id);
            }
        }
        for (String id : released) {
            pool.add(speakerEncoders.remove(id));
        }
    }

    /**
     * Tick thread: at most min(mixed speakers, listeners) listeners can need a mix-minus encoder at
     * once; the lifecycle thread opens or closes pooled encoders to that number.
     */
    private void listenersChanged() {
        listenerCount = listeners.size();
        speakerEncodersNeeded = Math.min(maxMixedSpeakers, listeners.size());
        boolean wantFullMix = !listeners.isEmpty();
        lifecycle.run("resize audio encoder pool", () -> {
            resizePool();
            if (wantFullMix && fullMixEncoder == null) {
                fullMixEncoder = openEncoder();
            }
        });
    }

    /** Lifecycle thread. Encoders assigned to speakers come back to the pool on later ticks and are closed then. */
    private void resizePool() {
        OpusEncoder spare;
        while (speakerEncodersOpen.get() > speakerEncodersNeeded && (spare = pool.poll()) != null) {
            spare.close();
            speakerEncodersOpen.decrementAndGet();
            openEncoders.decrementAndGet();
        }
        while (speakerEncodersOpen.get() < speakerEncodersNeeded) {
            pool.add(openEncoder());
            speakerEncodersOpen.incrementAndGet();
        }
        LOG.debug("{} mix-minus encoders open for {} listeners", speakerEncodersOpen.get(), listenerCount);
    }

    private OpusEncoder openEncoder() {
        OpusEncoder e = OpusLibrary.encoder(bitrateBps);
        openEncoders.incrementAndGet();
        return e;
    }
}
