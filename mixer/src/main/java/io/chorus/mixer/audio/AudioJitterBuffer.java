package io.chorus.mixer.audio;

import io.chorus.core.rtp.AudioLevelExtension;
import io.chorus.core.rtp.RtpTimestampUnwrapper;
import java.util.Objects;

/**
 * Per-participant buffer between the network and the 20 ms mixer tick. It holds encoded packets
 * (Opus payloads; it never looks inside them) ordered by RTP timestamp and, once per tick, says what
 * the decoder should do: decode a packet, conceal a gap ({@link Kind#MISSING}), or output silence
 * because there is no stream ({@link Kind#SILENT}).
 *
 * <h2>Playout delay</h2>
 * A new stream starts playing after the target delay. The target follows the interarrival jitter
 * J, estimated as in RFC 3550 section 6.4.1 (mean deviation of the transit time, gain 1/16):
 * target = min delay + 4 J, clamped to [min, max] and seeded so that it starts at the initial
 * delay. At a missing packet the buffer conceals; it moves past the gap only when it holds at
 * least the target delay of later audio, otherwise it waits there (the delay grows by one
 * frame) in case the packet is merely late. When it has held more than target + 20 ms for 200 ms
 * (one early packet is no reason) it catches up, one step per poll: by skipping a gap without
 * concealing it, else by dropping the oldest packet (counted as an overrun skip). After {@code silentAfterMisses} consecutive misses concealment stops (a decoder's
 * packet-loss concealment turns into noise by then) and, with nothing buffered, the stream counts
 * as stopped: the next packet starts it afresh, after the target delay.
 *
 * <h2>Silence (DTX)</h2>
 * A sender using Opus DTX (RFC 7587 {@code usedtx=1}) stops sending while it is silent, apart from
 * a comfort-noise packet every 400 ms. A gap that follows a packet the sender marked quiet (its RFC
 * 6464 level at or below {@link #QUIET_LEVEL}) is such a pause, not a loss: it plays as silence,
 * moves on without waiting, and counts in {@link Stats#dtxSilence}, not in concealment. After
 * {@link #DTX_TIMELINE_FRAMES} frames (1 s) without a packet the stream counts as stopped, as after
 * losses, so a sender that really went away restarts cleanly.
 *
 * <h2>Packets and timestamps</h2>
 * RTP timestamps are unwrapped from 32 bits, so a stream crossing 2^32 plays straight on.
 * Duplicates and packets arriving after their playout time are dropped and counted. Packets are
 * expected to be 20 ms, and then each poll covers exactly one tick. Other durations (Opus allows
 * 2.5..120 ms) are tolerated by timestamp: a packet is taken to last the smallest difference
 * between recent timestamps (see {@link PacketDurationEstimate}; a stream of longer packets may get
 * one needless concealment at its start), each {@link Playout} states how
 * many samples of the timeline it covers, and the caller keeps decoded PCM in a small FIFO and polls
 * whenever it holds less than a tick; the decoder gives a packet's true length, MISSING and SILENT
 * the number of samples to conceal or fill.
 *
 * <h2>Capacity</h2>
 * When full, the buffer drops its oldest packet: if it is this far behind, the oldest audio is the
 * least worth playing, and dropping the newest would keep the delay high instead of letting the
 * stream catch up.
 *
 * <h2>Threads</h2>
 * {@link #push} may be called from any thread, normally the network thread; {@link #poll} from
 * one tick thread. Pushes are appended to a fixed-size inbox under a private monitor; the tick
 * thread takes the same monitor only to swap the inbox with an empty twin, then orders and plays
 * packets without it. The monitor is thus never held for more than a few stores or a swap, so the
 * tick thread cannot be held up noticeably, and a push allocates nothing (a lock-free queue would
 * need a node per packet to save those few nanoseconds).
 */
public final class AudioJitterBuffer {
    private static final int FRAME = AudioFormat.SAMPLES_PER_FRAME;
    private static final int JITTER_MULTIPLIER = 4;
    private static final int CATCH_UP_MARGIN = FRAME;
    /** Polls (200 ms) the buffer must stay above target + margin before it catches up. */
    private static final int CATCH_UP_AFTER_POLLS = 10;
    /**
     * RFC 6464 levels from this one up (-50 dBov and quieter) mark a packet as quiet: the speaker
     * selection's silence threshold, so a packet too quiet to be mixed may start a DTX pause.
     */
    public static final int QUIET_LEVEL = 50;
    /** Frames a DTX pause may last before the stream counts as stopped. */
    static final int DTX_TIMELINE_FRAMES = 50;

    /**
     * @param capacityPackets   packets held at most (also the inbox size); enough for the max delay
     * @param silentAfterMisses consecutive concealed frames after which silence is reported instead
     */
    public record Settings(int capacityPackets, int initialDelayMillis, int minDelayMillis,
                           int maxDelayMillis, int silentAfterMisses) {
        public static final Settings DEFAULT = new Settings(64, 40, 20, 200, 5);

        public Settings {
            if (minDelayMillis < AudioFormat.FRAME_MILLIS) {
                throw new IllegalArgumentException(
                        "min delay must be at least one frame (" + AudioFormat.FRAME_MILLIS + " ms), got " + minDelayMillis);
            }
            if (initialDelayMillis < minDelayMillis || initialDelayMillis > maxDelayMillis) {
                throw new IllegalArgumentException("delays must satisfy min <= initial <= max, got "
                        + minDelayMillis + " <= " + initialDelayMillis + " <= " + maxDelayMillis + " ms");
            }
            int framesForMaxDelay = maxDelayMillis / AudioFormat.FRAME_MILLIS + 2;
            if (capacityPackets < framesForMaxDelay) {
                throw new IllegalArgumentException("capacity of " + capacityPackets + " packets cannot hold the "
                        + maxDelayMillis + " ms max delay; need at least " + framesForMaxDelay);
            }
            if (silentAfterMisses < 1) {
                throw new IllegalArgumentException("silentAfterMisses must be at least 1, got " + silentAfterMisses);
            }
        }
    }

    public enum Kind {
        /** Decode {@link Playout#payload()}. */
        PACKET,
        /** The packet for this point is lost or late: conceal (decoder PLC). */
        MISSING,
        /** No stream (not started yet, or stopped): output silence, do not conceal. */
        SILENT
    }

    /**
     * What to play next.
     *
     * @param payload the packet for {@link Kind#PACKET}, else null
     * @param samples length of the timeline this covers (48 kHz): 960 for 20 ms packets
     * @param level   the RFC 6464 level the packet arrived with, or {@link AudioLevelExtension#ABSENT}
     *                (always for {@link Kind#MISSING} and {@link Kind#SILENT})
     */
    public record Playout(Kind kind, byte[] payload, int samples, int level) {
        private static final Playout SILENT_FRAME = new Playout(Kind.SILENT, null, FRAME, AudioLevelExtension.ABSENT);
        private static final Playout MISSING_FRAME = new Playout(Kind.MISSING, null, FRAME, AudioLevelExtension.ABSENT);

        public Playout {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.PACKET) != (payload != null)) {
                throw new IllegalArgumentException("a payload comes with PACKET and only with PACKET, kind " + kind);
            }
            if (samples <= 0) {
                throw new IllegalArgumentException("a playout covers at least one sample, got " + samples);
            }
            if (level < AudioLevelExtension.ABSENT || level > AudioLevelExtension.SILENCE
                    || (kind != Kind.PACKET && level != AudioLevelExtension.ABSENT)) {
                throw new IllegalArgumentException("level must be 0..127 for a packet, or absent; got " + level
                        + " for " + kind);
            }
        }

        static Playout silent(int samples) {
            return samples == FRAME ? SILENT_FRAME : new Playout(Kind.SILENT, null, samples, AudioLevelExtension.ABSENT);
        }

        static Playout missing(int samples) {
            return samples == FRAME ? MISSING_FRAME : new Playout(Kind.MISSING, null, samples, AudioLevelExtension.ABSENT);
        }
    }

    /**
     * Counters since creation. Each value is read atomically but not all at the same instant.
     *
     * @param received           packets pushed
     * @param played             packets handed out for decoding
     * @param concealed          {@link Kind#MISSING} playouts
     * @param dtxSilence         frames of a DTX pause played as silence (not losses)
     * @param latePackets        dropped for arriving after their playout time
     * @param duplicates         dropped as copies of a buffered or recently played packet
     * @param overflowDrops      dropped because the buffer (or its inbox) was full
     * @param overrunSkips       dropped to bring the delay back to the target
     * @param currentDelayMillis audio buffered ahead of the playout point at the last poll
     * @param targetDelayMillis  delay the buffer currently aims at
     */
    public record Stats(long received, long played, long concealed, long dtxSilence, long latePackets, long duplicates,
                        long overflowDrops, long overrunSkips, int currentDelayMillis, int targetDelayMillis) {
    }

    private final Settings settings;
    private final int minDelaySamples;
    private final int maxDelaySamples;

    private final Object inboxLock = new Object();
    private PacketInbox filling;
    private PacketInbox draining;
    private long received;
    private long inboxOverflows;

    private final OrderedPackets packets;
    private final RtpTimestampUnwrapper unwrapper = new RtpTimestampUnwrapper();
    private final RecentTimestamps recentlyPlayed = new RecentTimestamps();
    private final PacketDurationEstimate duration = new PacketDurationEstimate();
    private final InterarrivalJitter jitter;

    private boolean running;
    private boolean prerolling;
    private long playoutTs;
    private boolean playedSinceStart;
    private long lastPlayedTs;
    private int missesInRow;
    private int overrunPolls;
    private boolean lastPlayedQuiet;
    private int dtxFramesInRow;

    // Written by the tick thread only; volatile so that stats() may be read from any thread.
    private volatile long played;
    private volatile long concealed;
    private volatile long dtxSilence;
    private volatile long latePackets;
    private volatile long duplicates;
    private volatile long storeOverflows;
    private volatile long overrunSkips;
    private volatile int currentDelaySamples;
    private volatile int targetDelaySamples;

    public AudioJitterBuffer() {
        this(Settings.DEFAULT);
    }

    public AudioJitterBuffer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        minDelaySamples = millisToSamples(settings.minDelayMillis());
        maxDelaySamples = millisToSamples(settings.maxDelayMillis());
        filling = new PacketInbox(settings.capacityPackets());
        draining = new PacketInbox(settings.capacityPackets());
        packets = new OrderedPackets(settings.capacityPackets());
        double initialJitter = (double) (millisToSamples(settings.initialDelayMillis()) - minDelaySamples) / JITTER_MULTIPLIER;
        jitter = new InterarrivalJitter(initialJitter, maxDelaySamples);
        targetDelaySamples = computeTargetDelay();
    }

    /**
     * Hands over a packet from the network. Never blocks for long and never allocates.
     *
     * @param rtpTimestamp the packet's 32-bit RTP timestamp (48 kHz clock), 0..2^32-1
     * @param level        the packet's RFC 6464 level (0..127), or {@link AudioLevelExtension#ABSENT}
     * @param arrivalNanos arrival time on any monotonic nanosecond clock (e.g. {@link System#nanoTime})
     */
    public void push(byte[] payload, long rtpTimestamp, int level, long arrivalNanos) {
        Objects.requireNonNull(payload, "payload");
        if (rtpTimestamp < 0 || rtpTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("RTP timestamp must be a 32-bit unsigned value, got " + rtpTimestamp);
        }
        if (level < AudioLevelExtension.ABSENT || level > AudioLevelExtension.SILENCE) {
            throw new IllegalArgumentException("RFC 6464 level must be 0..127 or absent (-1): " + level);
        }
        synchronized (inboxLock) {
            received++;
            if (filling.add(payload, rtpTimestamp, level, arrivalNanos)) {
                inboxOverflows++;
            }
        }
    }

    /** What to play for the next piece of the timeline; call once per 20 ms tick. */
    public Playout poll() {
        drainInbox();
        if (!running) {
            if (packets.isEmpty()) {
                currentDelaySamples = 0;
                return Playout.SILENT_FRAME;
            }
            startTimeline();
        }
        catchUpIfOverrun();
        currentDelaySamples = (int) bufferedSamples();
        return playNext();
    }

    /**
     * RTP timestamp (32-bit) of the packet the last {@link Kind#PACKET} playout handed out: where
     * the stream's own timeline is, for lining it up with the sender's video. Tick thread only.
     */
    public long lastPlayedTimestamp() {
        return lastPlayedTs & 0xFFFF_FFFFL;
    }

    public Stats stats() {
        long receivedNow;
        long inboxOverflowsNow;
        synchronized (inboxLock) {
            receivedNow = received;
            inboxOverflowsNow = inboxOverflows;
        }
        return new Stats(receivedNow, played, concealed, dtxSilence, latePackets, duplicates,
                inboxOverflowsNow + storeOverflows, overrunSkips,
                samplesToMillis(currentDelaySamples), samplesToMillis(targetDelaySamples));
    }

    private void drainInbox() {
        synchronized (inboxLock) {
            PacketInbox full = filling;
            filling = draining;
            draining = full;
        }
        for (int i = 0; i < draining.size(); i++) {
            accept(draining.payload(i), draining.timestamp(i), draining.level(i), draining.arrivalNanos(i));
        }
        draining.clear();
        targetDelaySamples = computeTargetDelay();
    }

    private void accept(byte[] payload, long rtpTimestamp, int level, long arrivalNanos) {
        long ts = unwrapper.unwrap(rtpTimestamp);
        if (packets.contains(ts) || (running && ts < playoutTs && recentlyPlayed.contains(ts))) {
            duplicates++;
            return;
        }
        jitter.update(ts, arrivalNanos);
        duration.observe(ts);
        if (running && ts < playoutTs) {
            latePackets++;
            return;
        }
        if (packets.isFull()) {
            storeOverflows++;
            if (ts < packets.headTimestamp()) {
                return;
            }
            packets.removeHead();
        }
        packets.insert(ts, payload, level);
    }

    private void startTimeline() {
        int preRollFrames = Math.max(0, (targetDelaySamples - duration.samples()) / FRAME);
        playoutTs = packets.headTimestamp() - (long) preRollFrames * FRAME;
        running = true;
        prerolling = true;
        playedSinceStart = false;
        missesInRow = 0;
        overrunPolls = 0;
        lastPlayedQuiet = false;
        dtxFramesInRow = 0;
    }

    private void stopTimeline() {
        running = false;
        recentlyPlayed.clear();
        duration.forgetTimestamps();
        jitter.forgetTransit();
    }

    private void catchUpIfOverrun() {
        int step = duration.samples();
        // Audio is buffered in whole packets: with packets longer than a frame, neither the target
        // nor the margin can be finer than one packet.
        long excess = bufferedSamples() - Math.max(targetDelaySamples, step);
        if (excess <= Math.max(CATCH_UP_MARGIN, step)) {
            overrunPolls = 0;
            return;
        }
        if (++overrunPolls < CATCH_UP_AFTER_POLLS) {
            return;
        }
        long gap = packets.headTimestamp() - playoutTs;
        if (gap > 0) {
            playoutTs += gap <= excess ? gap : excess - excess % step;
        } else {
            playoutTs = Math.max(playoutTs, packets.headTimestamp() + step);
            packets.removeHead();
            overrunSkips++;
        }
    }

    private Playout playNext() {
        int step = duration.samples();
        if (playedSinceStart) {
            // The duration estimate may have grown since the last packet was handed out: it covered that much.
            playoutTs = Math.max(playoutTs, lastPlayedTs + step);
        }
        if (!packets.isEmpty() && packets.headTimestamp() <= playoutTs) {
            long ts = packets.headTimestamp();
            int level = packets.headLevel();
            byte[] payload = packets.removeHead();
            playoutTs = Math.max(playoutTs, ts + step);
            lastPlayedTs = ts;
            playedSinceStart = true;
            recentlyPlayed.add(ts);
            played++;
            missesInRow = 0;
            dtxFramesInRow = 0;
            lastPlayedQuiet = level >= QUIET_LEVEL;
            prerolling = false;
            return new Playout(Kind.PACKET, payload, step, level);
        }
        int gap = packets.isEmpty() ? step : (int) Math.min(step, packets.headTimestamp() - playoutTs);
        if (prerolling) {
            playoutTs += gap;
            return Playout.silent(gap);
        }
        if (lastPlayedQuiet) {
            return dtxPause(gap);
        }
        // Move past the gap only when enough later audio is buffered; otherwise wait for it.
        if (!packets.isEmpty() && bufferedSamples() >= targetDelaySamples) {
            playoutTs += gap;
        }
        missesInRow++;
        if (missesInRow > settings.silentAfterMisses()) {
            if (packets.isEmpty()) {
                stopTimeline();
            }
            return Playout.silent(gap);
        }
        concealed++;
        return Playout.missing(gap);
    }

    private Playout dtxPause(int gap) {
        playoutTs += gap;
        dtxSilence++;
        if (++dtxFramesInRow > DTX_TIMELINE_FRAMES && packets.isEmpty()) {
            stopTimeline();
        }
        return Playout.silent(gap);
    }

    private long bufferedSamples() {
        return packets.isEmpty() ? 0 : packets.newestTimestamp() + duration.samples() - playoutTs;
    }

    private int computeTargetDelay() {
        double target = minDelaySamples + JITTER_MULTIPLIER * jitter.samples();
        return (int) Math.max(minDelaySamples, Math.min(maxDelaySamples, Math.round(target)));
    }

    private static int millisToSamples(int millis) {
        return millis * (AudioFormat.SAMPLE_RATE / 1000);
    }

    private static int samplesToMillis(long samples) {
        return (int) (samples * 1000 / AudioFormat.SAMPLE_RATE);
    }
}
