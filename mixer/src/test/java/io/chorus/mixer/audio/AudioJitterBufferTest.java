package io.chorus.mixer.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.core.rtp.AudioLevelExtension;
import io.chorus.mixer.audio.AudioJitterBuffer.Kind;
import io.chorus.mixer.audio.AudioJitterBuffer.Playout;
import io.chorus.mixer.audio.AudioJitterBuffer.Settings;
import io.chorus.mixer.audio.AudioJitterBuffer.Stats;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioJitterBufferTest {
    private static final int FRAME = AudioFormat.SAMPLES_PER_FRAME;
    private static final long FRAME_NANOS = 20_000_000L;
    private static final long TS_MODULUS = 1L << 32;
    private static final int NO_LEVEL = AudioLevelExtension.ABSENT;

    private AudioJitterBuffer buffer = new AudioJitterBuffer();
    private long timestampBase = 1_000;

    @Test
    void inOrderStreamStartsAfterTheTargetDelayAndPlaysEveryPacket() {
        push(0);
        assertEquals("SILENT", poll(), "40 ms initial delay: one tick of pre-roll");
        for (int n = 1; n < 50; n++) {
            push(n);
            assertEquals("P" + (n - 1), poll());
        }
        Stats stats = buffer.stats();
        assertEquals(50, stats.received());
        assertEquals(49, stats.played());
        assertEquals(0, stats.concealed());
        assertEquals(40, stats.currentDelayMillis());
        assertTrue(stats.targetDelayMillis() < 40, "steady arrivals lower the target: " + stats.targetDelayMillis());
    }

    @Test
    void nothingPushedIsSilence() {
        for (int i = 0; i < 5; i++) {
            Playout playout = buffer.poll();
            assertEquals(Kind.SILENT, playout.kind());
            assertEquals(FRAME, playout.samples());
        }
        assertEquals(0, buffer.stats().currentDelayMillis());
    }

    @Test
    void packetsReorderedWithinTheDelayPlayInOrder() {
        push(0);
        assertEquals("SILENT", poll());
        push(2);
        assertEquals("P0", poll());
        push(1);
        push(4);
        assertEquals("P1", poll());
        push(3);
        push(5);
        assertEquals("P2", poll());
        assertEquals("P3", poll());
        assertEquals("P4", poll());
        assertEquals(0, buffer.stats().concealed());
        assertEquals(0, buffer.stats().latePackets());
    }

    @Test
    void lostPacketIsConcealed() {
        List<String> played = runInOrder(0, 10, 5);
        assertEquals(List.of("SILENT", "P0", "P1", "P2", "P3", "P4", "MISSING", "P6", "P7", "P8"), played);
        assertEquals(1, buffer.stats().concealed());
    }

    @Test
    void packetsCarryTheirLevelToPlayout() {
        pushWithLevel(0, 17);
        assertEquals(NO_LEVEL, buffer.poll().level(), "pre-roll silence has no level");
        pushWithLevel(1, 90);
        Playout first = buffer.poll();
        assertEquals(Kind.PACKET, first.kind());
        assertEquals(17, first.level());
        assertEquals(90, buffer.poll().level());
    }

    /**
     * Opus DTX: a quiet packet, then nothing for 400 ms but the next comfort-noise packet with the
     * next sequence number. The pause is silence, not 19 losses; the speech after it plays on time.
     */
    @Test
    void gapAfterAQuietPacketIsADtxPauseNotALoss() {
        List<String> played = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            boolean sent = n < 5 || n == 24 || n >= 30;
            if (sent) {
                pushWithLevel(n, n < 30 ? AudioLevelExtension.SILENCE : 20);
            }
            played.add(poll());
        }
        assertEquals(0, buffer.stats().concealed(), played.toString());
        assertTrue(buffer.stats().dtxSilence() >= 20, "pause frames counted as DTX silence: " + buffer.stats());
        assertTrue(played.contains("P24") && played.contains("P30") && played.contains("P37"), played.toString());
        assertEquals(played.indexOf("P30") - played.indexOf("P24"), 6, "speech after the pause keeps its timing: " + played);
    }

    @Test
    void gapAfterALoudPacketIsStillConcealed() {
        for (int n = 0; n < 10; n++) {
            if (n != 5) {
                pushWithLevel(n, 20);
            }
            poll();
        }
        assertEquals(1, buffer.stats().concealed());
        assertEquals(0, buffer.stats().dtxSilence());
    }

    @Test
    void longDtxPauseStopsTheStreamSoItRestartsCleanly() {
        pushWithLevel(0, AudioLevelExtension.SILENCE);
        poll();
        poll();
        for (int i = 0; i < AudioJitterBuffer.DTX_TIMELINE_FRAMES + 5; i++) {
            assertEquals("SILENT", poll());
        }
        long dtx = buffer.stats().dtxSilence();
        assertEquals(AudioJitterBuffer.DTX_TIMELINE_FRAMES + 1, dtx, "the pause ends the timeline, then plain silence");
        pushWithLevel(500, 20);
        assertEquals("SILENT", poll(), "a restarted stream waits for its pre-roll again");
        assertEquals(0, buffer.stats().concealed());
    }

    @Test
    void stoppedStreamIsConcealedBrieflyThenSilentAndRestartsCleanly() {
        List<String> played = runInOrder(0, 10, -1);
        for (int i = 0; i < 12; i++) {
            played.add(poll());
        }
        assertEquals(List.of("SILENT", "P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",
                "P9", "MISSING", "MISSING", "MISSING", "MISSING", "MISSING", "SILENT", "SILENT", "SILENT",
                "SILENT", "SILENT", "SILENT"), played);

        // The sender resumes 10 s later with its timestamps further on.
        List<String> resumed = new ArrayList<>();
        for (int n = 510; n < 520; n++) {
            push(n);
            resumed.add(poll());
        }
        List<String> packets = resumed.stream().filter(p -> !p.equals("SILENT")).toList();
        assertEquals(List.of("P510", "P511", "P512", "P513", "P514", "P515", "P516", "P517", "P518"),
                packets.subList(0, 9), resumed.toString());
        assertEquals(0, buffer.stats().latePackets());
    }

    @Test
    void restartWithANewTimestampOriginIsNotLate() {
        runInOrder(0, 10, -1);
        for (int i = 0; i < 10; i++) {
            poll();
        }
        timestampBase = 77;
        push(0, 100 * FRAME_NANOS);
        List<String> resumed = new ArrayList<>();
        for (int n = 1; n < 6; n++) {
            push(n, (100 + n) * FRAME_NANOS);
            resumed.add(poll());
        }
        assertTrue(resumed.containsAll(List.of("P0", "P1", "P2", "P3")), resumed.toString());
        assertEquals(0, buffer.stats().latePackets());
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        push(0);
        push(0);
        assertEquals("SILENT", poll());
        push(1);
        assertEquals("P0", poll());
        push(0);
        push(2);
        push(2);
        assertEquals("P1", poll());
        assertEquals("P2", poll());
        Stats stats = buffer.stats();
        assertEquals(3, stats.duplicates(), "one while buffered twice, one after playing");
        assertEquals(0, stats.latePackets());
        assertEquals(3, stats.played());
    }

    @Test
    void packetAfterItsPlayoutTimeIsLate() {
        push(0);
        poll();
        push(1);
        assertEquals("P0", poll());
        push(2);
        assertEquals("P1", poll());
        push(4);
        assertEquals("P2", poll());
        push(5);
        assertEquals("MISSING", poll(), "two later packets buffered: 3 counts as lost");
        push(3);
        assertEquals("P4", poll());
        assertEquals(1, buffer.stats().latePackets());
        assertEquals("P5", poll());
    }

    @Test
    void packetOvertakenBySuccessorIsAwaitedWhileTheDelayIsBelowTarget() {
        buffer = new AudioJitterBuffer(new Settings(64, 20, 20, 200, 5));
        NetworkSimulation network = new NetworkSimulation();
        for (int n = 0; n < 100; n++) {
            network.send(n, n == 80 ? 60 : (n % 2) * 15);
        }
        network.runUntil(80);
        Stats before = buffer.stats();
        assertTrue(before.targetDelayMillis() > before.currentDelayMillis() + 20, before.toString());

        network.runUntil(110);
        Stats after = buffer.stats();
        assertEquals(0, after.latePackets(), "80 was awaited, not given up: " + after);
        assertEquals(100, after.played());
    }

    @ParameterizedTest
    @ValueSource(longs = {TS_MODULUS - 3 * FRAME, TS_MODULUS - 1, TS_MODULUS - FRAME})
    void timestampWrapPlaysStraightOn(long base) {
        timestampBase = base;
        push(0);
        poll();
        List<String> played = new ArrayList<>();
        int[] order = {1, 3, 2, 4, 5, 7, 6, 8, 9};
        for (int n : order) {
            push(n);
            played.add(poll());
        }
        assertEquals(List.of("P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"), played);
        assertEquals(0, buffer.stats().concealed());
        assertEquals(0, buffer.stats().latePackets());
    }

    @Test
    void fullInboxDropsTheOldestAndCatchesUp() {
        buffer = new AudioJitterBuffer(new Settings(12, 40, 20, 200, 5));
        for (int n = 0; n < 17; n++) {
            push(n);
        }
        assertEquals("P5", poll(), "0..4 were dropped");
        assertEquals(5, buffer.stats().overflowDrops());
        List<String> played = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            played.add(poll());
        }
        assertTrue(buffer.stats().overrunSkips() > 0, "catches up after 200 ms: " + played);
        assertTrue(played.contains("P16"), played.toString());
        assertEveryPacketAccountedForOnce();
    }

    @Test
    void fullBufferDropsItsOldestPacket() {
        buffer = new AudioJitterBuffer(new Settings(12, 40, 20, 200, 5));
        push(0);
        poll();
        for (int n = 1; n <= 12; n++) {
            push(n);
        }
        assertEquals(List.of("SILENT", "P1"), List.of(poll(), poll()), "P0, the oldest, made room");
        assertEquals(1, buffer.stats().overflowDrops());
        assertEveryPacketAccountedForOnce();
    }

    @Test
    void delayGrowsUnderJitterAndShrinksBack() {
        Random random = new Random(42);
        NetworkSimulation network = new NetworkSimulation();
        for (int n = 0; n < 250; n++) {
            network.send(n, 5);
        }
        network.runUntil(250);
        int calmTarget = buffer.stats().targetDelayMillis();

        for (int n = 250; n < 750; n++) {
            network.send(n, 5 + random.nextInt(100));
        }
        network.runUntil(500);
        int jitteryTarget = buffer.stats().targetDelayMillis();
        long concealedBefore = buffer.stats().concealed();
        network.runUntil(750);
        long concealedOnceAdapted = buffer.stats().concealed() - concealedBefore;
        int jitteryDelay = buffer.stats().currentDelayMillis();

        for (int n = 750; n < 1500; n++) {
            network.send(n, 5);
        }
        network.runUntil(1510);
        Stats end = buffer.stats();

        assertTrue(calmTarget <= 25, "calm target " + calmTarget);
        assertTrue(jitteryTarget >= 100, "target under 0..100 ms jitter: " + jitteryTarget);
        assertTrue(jitteryDelay >= 60, "delay under jitter: " + jitteryDelay);
        assertTrue(concealedOnceAdapted < 10, "concealed " + concealedOnceAdapted + " of 250 once adapted");
        assertTrue(end.targetDelayMillis() <= 25, "target after calm returned: " + end.targetDelayMillis());
        assertTrue(end.currentDelayMillis() <= end.targetDelayMillis() + 20, "delay after calm returned: " + end.currentDelayMillis());
        assertTrue(end.overrunSkips() > 0, "shrinking the delay skips packets");
        assertEveryPacketAccountedForOnce();
    }

    @Test
    void fortyMillisecondPacketsPlayWithAtMostOneGapAtTheStart() {
        assertPacketDurationTolerated(2 * FRAME);
    }

    @Test
    void tenMillisecondPacketsPlayWithoutGaps() {
        assertPacketDurationTolerated(FRAME / 2);
    }

    @Test
    void concurrentPushesAreEachAccountedForOnce() throws InterruptedException {
        int packets = 20_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread network = new Thread(() -> {
            try {
                for (int n = 0; n < packets; n++) {
                    buffer.push(payload(n), timestamp(n), NO_LEVEL, System.nanoTime());
                    if (n % 16 == 0) {
                        Thread.yield();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        network.start();
        int lastPlayed = -1;
        int silentInRow = 0;
        while (network.isAlive() || silentInRow < 20) {
            Playout playout = buffer.poll();
            if (playout.kind() == Kind.PACKET) {
                int n = number(playout);
                assertTrue(n > lastPlayed, n + " after " + lastPlayed);
                lastPlayed = n;
            }
            silentInRow = playout.kind() == Kind.SILENT ? silentInRow + 1 : 0;
        }
        network.join();
        assertEquals(null, failure.get());
        assertEquals(packets, buffer.stats().received());
        assertEveryPacketAccountedForOnce();
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> buffer.push(new byte[1], -1, NO_LEVEL, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.push(new byte[1], TS_MODULUS, NO_LEVEL, 0));
        assertThrows(NullPointerException.class, () -> buffer.push(null, 0, NO_LEVEL, 0));
        assertThrows(IllegalArgumentException.class, () -> new Settings(64, 40, 10, 200, 5));
        assertThrows(IllegalArgumentException.class, () -> new Settings(64, 10, 20, 200, 5));
        assertThrows(IllegalArgumentException.class, () -> new Settings(64, 300, 20, 200, 5));
        assertThrows(IllegalArgumentException.class, () -> new Settings(11, 40, 20, 200, 5));
        assertThrows(IllegalArgumentException.class, () -> new Settings(64, 40, 20, 200, 0));
        assertThrows(IllegalArgumentException.class, () -> new Playout(Kind.PACKET, null, FRAME, NO_LEVEL));
        assertThrows(IllegalArgumentException.class, () -> new Playout(Kind.MISSING, new byte[1], FRAME, NO_LEVEL));
        assertThrows(IllegalArgumentException.class, () -> new Playout(Kind.SILENT, null, 0, NO_LEVEL));
        assertThrows(IllegalArgumentException.class, () -> new Playout(Kind.SILENT, null, FRAME, 3));
        assertThrows(IllegalArgumentException.class, () -> buffer.push(new byte[1], 0, 128, 0));
    }

    /**
     * A caller as the class comment describes it for packets that are not 20 ms: it keeps decoded
     * PCM in a FIFO and polls only when that holds less than a tick.
     */
    private void assertPacketDurationTolerated(int packetSamples) {
        long packetNanos = packetSamples * 1_000_000_000L / AudioFormat.SAMPLE_RATE;
        int fifo = 0;
        int next = 0;
        List<String> played = new ArrayList<>();
        for (int tick = 0; tick < 100; tick++) {
            long now = tick * FRAME_NANOS + FRAME_NANOS / 2;
            while (next * packetNanos <= now) {
                buffer.push(payload(next), (timestampBase + (long) next * packetSamples) % TS_MODULUS, NO_LEVEL,
                        next * packetNanos);
                next++;
            }
            while (fifo < FRAME) {
                Playout playout = buffer.poll();
                played.add(describe(playout));
                fifo += playout.kind() == Kind.PACKET ? packetSamples : playout.samples();
            }
            fifo -= FRAME;
        }
        long startupConcealment = packetSamples > FRAME ? 1 : 0;
        assertTrue(played.stream().filter(p -> p.equals("MISSING")).count() <= startupConcealment, played.toString());
        assertTrue(played.subList(10, played.size()).stream().noneMatch(p -> p.equals("MISSING")), played.toString());
        List<String> packets = played.stream().filter(p -> p.startsWith("P")).toList();
        for (int i = 0; i < packets.size(); i++) {
            assertEquals("P" + i, packets.get(i), played.toString());
        }
        assertTrue(packets.size() >= 100L * FRAME / packetSamples - 4, packets.size() + " packets played");
        assertEquals(0, buffer.stats().latePackets());
    }

    /** Sender at 20 ms per packet, a network delay per packet, and a tick every 20 ms (offset 10 ms). */
    private final class NetworkSimulation {
        private final List<long[]> inFlight = new ArrayList<>();
        private int tick;

        void send(int n, int delayMillis) {
            inFlight.add(new long[] {n * FRAME_NANOS + delayMillis * 1_000_000L, n});
        }

        void runUntil(int endTick) {
            for (; tick < endTick; tick++) {
                long now = tick * FRAME_NANOS + FRAME_NANOS / 2;
                inFlight.sort((a, b) -> Long.compare(a[0], b[0]));
                while (!inFlight.isEmpty() && inFlight.get(0)[0] <= now) {
                    long[] packet = inFlight.remove(0);
                    buffer.push(payload((int) packet[1]), timestamp((int) packet[1]), NO_LEVEL, packet[0]);
                }
                Playout playout = buffer.poll();
                assertEquals(FRAME, playout.samples());
            }
        }
    }

    /** Plays out what is left, then checks that each pushed packet was played or dropped exactly once. */
    private void assertEveryPacketAccountedForOnce() {
        int silentInRow = 0;
        while (silentInRow < 20) {
            silentInRow = buffer.poll().kind() == Kind.SILENT ? silentInRow + 1 : 0;
        }
        Stats stats = buffer.stats();
        assertEquals(stats.received(), stats.played() + stats.latePackets() + stats.duplicates()
                + stats.overflowDrops() + stats.overrunSkips(), stats.toString());
    }

    private List<String> runInOrder(int from, int to, int lost) {
        List<String> played = new ArrayList<>();
        for (int n = from; n < to; n++) {
            if (n != lost) {
                push(n);
            }
            played.add(poll());
        }
        return played;
    }

    private void push(int n) {
        push(n, n * FRAME_NANOS);
    }

    private void push(int n, long arrivalNanos) {
        buffer.push(payload(n), timestamp(n), NO_LEVEL, arrivalNanos);
    }

    private void pushWithLevel(int n, int level) {
        buffer.push(payload(n), timestamp(n), level, n * FRAME_NANOS);
    }

    private long timestamp(int n) {
        return (timestampBase + (long) n * FRAME) % TS_MODULUS;
    }

    private String poll() {
        return describe(buffer.poll());
    }

    private static String describe(Playout playout) {
        return playout.kind() == Kind.PACKET ? "P" + number(playout) : playout.kind().name();
    }

    private static byte[] payload(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    private static int number(Playout playout) {
        return ByteBuffer.wrap(playout.payload()).getInt();
    }
}
