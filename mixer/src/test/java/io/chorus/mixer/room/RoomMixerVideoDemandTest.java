package io.chorus.mixer.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chorus.mixer.codec.VideoCodec;
import io.chorus.mixer.output.VideoProfile;
import io.chorus.mixer.publish.VideoDemand;
import io.chorus.mixer.video.Layout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The video tick reports what each camera should send, through MixerEvents and RoomMixer.videoDemand. */
class RoomMixerVideoDemandTest {
    private static final ExecutorService DECODE_POOL = Executors.newFixedThreadPool(1);
    // 640x360 at 10 fps: a 2x2 grid has 320x180 cells; the speaker layout a 640x288 main region and 128x72 strip cells.
    private static final RoomMixerConfig CONFIG = RoomMixerConfig.defaults().withCanvas(640, 360, 10);
    private static final VideoDemand CELL = new VideoDemand(320, 180, 10);

    private record Published(String id, VideoDemand demand) {
    }

    private final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
    private final List<Long> publishedAtNanos = Collections.synchronizedList(new ArrayList<>());
    private final MixerEvents events = new MixerEvents() {
        @Override
        public void onVideoDemand(String participantId, VideoDemand demand) {
            publishedAtNanos.add(System.nanoTime());
            published.add(new Published(participantId, demand));
        }
    };

    @AfterAll
    static void stopPool() {
        DECODE_POOL.shutdownNow();
    }

    @Test
    void switchingFromGridToSpeakerAsksTheSpeakerForMoreAtOnceAndTheOthersForLessLater() throws Exception {
        try (RoomMixer room = new RoomMixer("demand", CONFIG, DECODE_POOL, events)) {
            for (String id : List.of("p0", "p1", "p2")) {
                room.addParticipant(id, id, null);
            }
            // A tick between two joins lays out fewer participants in bigger cells first.
            awaitAll(Set.of("p0", "p1", "p2"), CELL);
            assertEquals(CELL, room.videoDemand("p0"));

            // Nobody speaks, so the first participant is featured.
            int before = publishedAtNanos.size();
            room.setLayout(Layout.speaker());
            assertEquals(new Published("p0", new VideoDemand(640, 288, 10)), next(1).get(0));
            assertEquals(new VideoDemand(640, 288, 10), room.videoDemand("p0"));
            VideoDemand strip = new VideoDemand(128, 72, 10);
            assertEquals(Set.of(new Published("p1", strip), new Published("p2", strip)), Set.copyOf(next(2)));
            assertEquals(strip, room.videoDemand("p2"));
            // The shrinks wait out the 2 s hold in media time; ticks never run early, so at least that
            // passes in real time too, less however late the switching tick itself ran (half is ample).
            long heldNanos = publishedAtNanos.get(before + 1) - publishedAtNanos.get(before);
            assertTrue(heldNanos >= 1_000_000_000L, "shrinks published " + heldNanos / 1_000_000 + " ms after the growth");
        }
    }

    @Test
    void aSmallerProfileScalesTheDemandDownAndWithoutReceiversTheCanvasSetsIt() throws Exception {
        try (RoomMixer room = new RoomMixer("profile", CONFIG, DECODE_POOL, events)) {
            // Subscribed before anyone joins, so the first tick that lays anyone out sees the profile.
            room.subscribeVideo("viewer", new VideoProfile(VideoCodec.VP8, 320, 180, 100_000), frame -> {
            });
            for (String id : List.of("p0", "p1", "p2", "p3")) {
                room.addParticipant(id, id, null);
            }
            VideoDemand half = new VideoDemand(160, 90, 10);
            awaitAll(Set.of("p0", "p1", "p2", "p3"), half);
            room.unsubscribe("viewer");
            awaitAll(Set.of("p0", "p1", "p2", "p3"), CELL);
        }
    }

    /** Collects events until every one of {@code ids} was last published as {@code demand}. */
    private void awaitAll(Set<String> ids, VideoDemand demand) throws InterruptedException {
        List<Published> seen = new ArrayList<>();
        while (!ids.stream().allMatch(id -> demand.equals(lastFor(seen, id)))) {
            seen.addAll(next(1));
        }
    }

    private static VideoDemand lastFor(List<Published> seen, String id) {
        VideoDemand last = null;
        for (Published p : seen) {
            if (p.id().equals(id)) {
                last = p.demand();
            }
        }
        return last;
    }

    private List<Published> next(int count) throws InterruptedException {
        List<Published> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Published p = published.poll(5, TimeUnit.SECONDS);
            assertNotNull(p, "no demand published within 5 s; had " + out);
            out.add(p);
        }
        return out;
    }
}
