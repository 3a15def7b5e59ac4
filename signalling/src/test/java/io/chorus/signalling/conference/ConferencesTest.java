package io.chorus.signalling.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chorus.core.rtp.MediaKind;
import io.chorus.core.rtp.codec.EncodedFrame;
import io.chorus.core.session.SessionState;
import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.LayoutName;
import io.chorus.recorder.file.RecordingOptions;
import io.chorus.recorder.rtmp.BroadcastSettings;
import io.chorus.signalling.conference.ConferenceException.Refusal;

/**
 * The conference layer's behaviour with real mixers and recorders but no network: every media
 * session is a {@link FakeSession}, every client a {@link SignalLog}.
 */
class ConferencesTest {
    private static final VideoTier LOW = new VideoTier("low", 320, 180, 150_000);

    @TempDir
    Path recordings;

    private final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private Conferences conferences;

    private Conferences start(int maxParticipants, int maxRooms, boolean createOnJoin) {
        return start(maxParticipants, maxRooms, createOnJoin, Executors.newSingleThreadExecutor());
    }

    private Conferences start(int maxParticipants, int maxRooms, boolean createOnJoin, ExecutorService fileWork) {
        return start(new RoomLimits(maxParticipants, maxRooms, Duration.ofMillis(200), createOnJoin,
                Duration.ofMinutes(1), 4, 4, 2, 50), fileWork);
    }

    private Conferences start(RoomLimits limits, ExecutorService fileWork) {
        return start(limits, 0, fileWork);
    }

    private Conferences start(RoomLimits limits, int minFreeMegabytes, ExecutorService fileWork) {
        ConferenceSettings settings = new ConferenceSettings(RoomMixerConfig.defaults().withCanvas(320, 180, 15),
                LayoutName.GRID, List.of(LOW), limits, new RecordingSettings(recordings, null, false,
                        RecordingOptions.defaults(), minFreeMegabytes), BroadcastSettings.defaults());
        conferences = new Conferences(settings, (name, listener) -> {
            FakeSession session = new FakeSession(name, listener, "VP8");
            sessions.put(name, session);
            return session;
        }, fileWork);
        conferences.addListener((room, event) -> heard.add(room.id() + " " + event.getClass().getSimpleName()));
        return conferences;
    }

    @AfterEach
    void closeAll() {
        if (conferences != null) {
            conferences.close();
        }
    }

    private record Member(Participant participant, SignalLog log) {
        FakeSession session(Map<String, FakeSession> sessions, String room) {
            return sessions.get(room + "/" + participant.id());
        }
    }

    private Member join(String room, String name) throws ConferenceException {
        SignalLog log = new SignalLog();
        return new Member(conferences.join(room, name, Role.PARTICIPANT, null, log), log);
    }

    private Member joinWithMedia(String room, String name) throws ConferenceException {
        Member m = join(room, name);
        m.participant().acceptOffer("offer of " + name, answer -> { });
        return m;
    }

    @Test
    void membersAreWelcomedAndAnnouncedInJoinOrder() throws Exception {
        start(5, 2, true);
        Member ann = join("r", "Ann");
        Member bob = join("r", "Bob");
        Member cid = join("r", "Cid");

        assertEquals(List.of("Ann"), names(ann.log().welcomes.get(0)));
        assertEquals(List.of("Ann", "Bob"), names(bob.log().welcomes.get(0)));
        assertEquals(List.of("Ann", "Bob", "Cid"), names(cid.log().welcomes.get(0)));
        assertEquals(List.of("Bob", "Cid"), joinedNames(ann.log()));
        assertEquals(List.of("Cid"), joinedNames(bob.log()), "nobody hears of its own join");
        assertEquals(List.of(), joinedNames(cid.log()));
        Room room = conferences.room("r").orElseThrow();
        assertEquals(List.of("p1", "p2", "p3"), room.members().stream().map(MemberView::id).toList());
        assertEquals(List.of("r Opened", "r ParticipantJoined", "r ParticipantJoined", "r ParticipantJoined"), heard);
        assertEquals(LOW, cid.log().welcomes.get(0).tier());
    }

    @Test
    void limitsRefuseWithTheirReason() throws Exception {
        start(2, 1, true);
        join("r", "Ann");
        join("r", "Bob");
        ConferenceException full = assertThrows(ConferenceException.class, () -> join("r", "Cid"));
        assertEquals(Refusal.ROOM_FULL, full.refusal());
        assertTrue(sessions.get("r/p3").closed.get(), "a refused participant's transport is released");
        assertEquals(Refusal.TOO_MANY_ROOMS, assertThrows(ConferenceException.class, () -> join("s", "Dee")).refusal());
        assertEquals(Refusal.ROOM_EXISTS, assertThrows(ConferenceException.class,
                () -> conferences.create(RoomSpec.of("r", conferences.settings()))).refusal());
        assertEquals(2, conferences.room("r").orElseThrow().size());
    }

    @Test
    void aServerThatCreatesRoomsOnlyThroughItsApiRefusesUnknownRooms() throws Exception {
        start(2, 2, false);
        assertEquals(Refusal.ROOM_NOT_FOUND, assertThrows(ConferenceException.class, () -> join("r", "Ann")).refusal());
        conferences.create(RoomSpec.of("r", conferences.settings()));
        join("r", "Ann");
        assertEquals(1, conferences.participants());
    }

    @Test
    void aLeaveIsHeardByTheOthersAndAnEmptyRoomClosesAfterItsGrace() throws Exception {
        start(5, 2, true);
        Member ann = join("r", "Ann");
        Member bob = join("r", "Bob");
        bob.participant().close();
        assertTrue(sessions.get("r/p2").closed.get());
        assertEquals(List.of(new RoomEvent.ParticipantLeft("p2", LeaveReason.LEFT)),
                ann.log().of(RoomEvent.ParticipantLeft.class));
        assertTrue(bob.log().of(RoomEvent.ParticipantLeft.class).isEmpty());

        ann.participant().close();
        assertTrue(conferences.room("r").isPresent(), "still open during the grace period");
        await(() -> conferences.room("r").isEmpty(), "closed after the grace period");
        await(() -> heard.contains("r Closed"), "listeners hear the close");
    }

    @Test
    void membersThatDoNotConnectInTimeLeaveAndSayWhy() throws Exception {
        start(new RoomLimits(5, 2, Duration.ofSeconds(30), true, Duration.ofSeconds(1), 4, 4, 2, 50),
                Executors.newSingleThreadExecutor());
        Member connected = joinWithMedia("r", "Ann");
        Member silent = join("r", "Bob");
        Member stuck = joinWithMedia("r", "Cy");
        connected.session(sessions, "r").listener.onStateChange(SessionState.CONNECTED, "");
        await(() -> conferences.participants() == 1, "the two that never connected leave");
        Room room = conferences.room("r").orElseThrow();
        assertEquals(List.of("p1"), room.members().stream().map(MemberView::id).toList());
        assertEquals(List.of(new RoomEvent.ParticipantLeft("p2", LeaveReason.NOT_CONNECTED),
                new RoomEvent.ParticipantLeft("p3", LeaveReason.NOT_CONNECTED)),
                connected.log().of(RoomEvent.ParticipantLeft.class));
        assertEquals(List.of(SessionState.FAILED), silent.log().states, "the client is told");
        assertEquals(List.of(SessionState.FAILED), stuck.log().states);
        assertTrue(sessions.get("r/p2").closed.get() && sessions.get("r/p3").closed.get(), "their transports freed");
        assertTrue(heard.contains("r ParticipantLeft"));
    }

    @Test
    void aRoomRunsItsLimitOfRecordingsAndBroadcastsAndNeedsFreeSpaceToRecord() throws Exception {
        start(new RoomLimits(5, 2, Duration.ofSeconds(30), true, Duration.ofMinutes(1), 4, 1, 0, 50), 0,
                Executors.newSingleThreadExecutor());
        join("r", "Ann");
        Room room = conferences.room("r").orElseThrow();
        room.startRecording("webm", false);
        ConferenceException second = assertThrows(ConferenceException.class, () -> room.startRecording("mkv", false));
        assertEquals(Refusal.TOO_MANY_OUTPUTS, second.refusal());
        ConferenceException broadcast = assertThrows(ConferenceException.class,
                () -> room.startBroadcast("rtmp://127.0.0.1:1935/live/key"));
        assertEquals(Refusal.TOO_MANY_OUTPUTS, broadcast.refusal());
        conferences.close();

        start(new RoomLimits(5, 2, Duration.ofSeconds(30), true, Duration.ofMinutes(1), 4, 4, 2, 50), Integer.MAX_VALUE,
                Executors.newSingleThreadExecutor());
        join("r", "Ann");
        ConferenceException full = assertThrows(ConferenceException.class,
                () -> conferences.room("r").orElseThrow().startRecording("webm", false));
        assertEquals(Refusal.NO_DISK_SPACE, full.refusal());
        assertTrue(full.getMessage().contains("recording.minFreeMegabytes"), full.getMessage());
    }

    @Test
    void aMemberClosedWhileItsOfferIsAcceptedLeavesNoMixerInputBehind() throws Exception {
        start(5, 2, true);
        joinWithMedia("r", "Ann");
        Member bob = join("r", "Bob");
        // The close lands in the middle of acceptOffer, as a failed transport or a closing room can.
        bob.participant().acceptOffer("offer of Bob", answer -> bob.participant().close());
        Room room = conferences.room("r").orElseThrow();
        assertEquals(1, room.size());
        assertEquals(1, room.mixerStats().participants(), "only Ann's input is in the mixer");
    }

    @Test
    void theEchoRoomHoldsItsLimitOfSessions() throws Exception {
        EchoRoom echo = new EchoRoom((name, listener) -> {
            FakeSession session = new FakeSession(name, listener, "VP8");
            sessions.put(name, session);
            return session;
        }, 2);
        Peer first = echo.join("a", new SignalLog());
        echo.join("b", new SignalLog());
        ConferenceException full = assertThrows(ConferenceException.class, () -> echo.join("c", new SignalLog()));
        assertEquals(Refusal.ROOM_FULL, full.refusal());
        first.close();
        echo.join("c", new SignalLog());
        assertEquals(2, echo.participants().size());
    }

    @Test
    void aClosedRoomTellsEveryMemberOnceAndNothingFollows() throws Exception {
        start(5, 2, true);
        Member ann = joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        Room room = conferences.room("r").orElseThrow();
        room.close("ended by a test");
        room.close("again");
        for (Member m : List.of(ann, bob)) {
            List<RoomEvent> events = m.log().events;
            assertEquals(new RoomEvent.Closed("ended by a test"), events.get(events.size() - 1));
            assertEquals(1, m.log().of(RoomEvent.Closed.class).size());
            assertTrue(m.participant().closed());
            assertTrue(m.session(sessions, "r").closed.get());
        }
        assertTrue(conferences.rooms().isEmpty());
        assertEquals(1, heard.stream().filter(e -> e.equals("r Closed")).count());
        assertEquals(2, heard.stream().filter(e -> e.equals("r ParticipantLeft")).count(), "metrics still count leaves");
    }

    @Test
    void oneOfferStartsTheMediaAndASecondIsRefused() throws Exception {
        start(5, 2, true);
        Member ann = join("r", "Ann");
        List<String> answers = new ArrayList<>();
        assertEquals(Refusal.INVALID_SDP, assertThrows(ConferenceException.class,
                () -> ann.participant().acceptOffer("bad", answers::add)).refusal());
        ann.participant().acceptOffer("v=0", answers::add);
        assertEquals(List.of("answer to v=0"), answers);
        assertEquals(Refusal.OFFER_ALREADY_ACCEPTED, assertThrows(ConferenceException.class,
                () -> ann.participant().acceptOffer("v=0", answers::add)).refusal());
        assertEquals(Refusal.INVALID_CANDIDATE, assertThrows(ConferenceException.class,
                () -> ann.participant().addRemoteCandidate("nonsense")).refusal());
        ann.participant().addRemoteCandidate(null);

        Room room = conferences.room("r").orElseThrow();
        assertEquals(1, room.mixerStats().participants());
        FakeSession session = ann.session(sessions, "r");
        await(() -> session.audioSent.get() > 5 && !session.videoSent.isEmpty(), "the room's mix and composite flow");
        assertTrue(session.videoSent.get(0).keyFrame(), "a receiver starts from a key frame");
    }

    @Test
    void mutesAndModeratorControls() throws Exception {
        start(5, 2, true);
        Member ann = joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        ann.participant().setMuted(true, null);
        ann.participant().setMuted(true, null);
        assertEquals(List.of(new RoomEvent.ParticipantUpdated(new MemberInfo("p1", "Ann", true, false))),
                bob.log().of(RoomEvent.ParticipantUpdated.class), "heard once: the second mute changed nothing");
        Room room = conferences.room("r").orElseThrow();
        MemberView view = room.updateMember("p2", -6.0, null, true);
        assertEquals(-6.0, view.gainDb());
        assertTrue(view.videoMuted());
        assertEquals(Refusal.INVALID_ARGUMENT, assertThrows(ConferenceException.class,
                () -> room.updateMember("p2", 40.0, null, null)).refusal());
        assertEquals(Refusal.PARTICIPANT_NOT_FOUND, assertThrows(ConferenceException.class,
                () -> room.updateMember("p9", null, true, null)).refusal());
    }

    @Test
    void keyFramesAreAskedOfTheRightClient() throws Exception {
        start(5, 2, true);
        Member ann = joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        FakeSession annSession = ann.session(sessions, "r");
        FakeSession bobSession = bob.session(sessions, "r");

        annSession.listener.onStateChange(SessionState.CONNECTED, "test");
        await(() -> annSession.keyFrameRequests.get() == 1, "a connected client is asked for a key frame");
        assertEquals(SessionState.CONNECTED, ann.log().states.get(0));

        // A "key frame" the mixer's decoder cannot read: the mixer asks that client for another.
        bobSession.listener.onFrame(MediaKind.VIDEO, new EncodedFrame(new byte[] {1, 2, 3}, 3000, true, 320, 180),
                -1);
        await(() -> bobSession.keyFrameRequests.get() >= 1, "the mixer's request reaches the sender");
        assertEquals(1, annSession.keyFrameRequests.get(), "and nobody else");

        // A participant's own recording starts at a key frame, so it asks for one too.
        conferences.room("r").orElseThrow().startRecording("webm", true);
        int before = annSession.keyFrameRequests.get();
        annSession.listener.onFrame(MediaKind.VIDEO, new EncodedFrame(new byte[] {9, 9, 9}, 6000, false, 320, 180),
                -1);
        await(() -> annSession.keyFrameRequests.get() > before, "the recording's request reaches the sender");
    }

    @Test
    void aParticipantWhoLeavesDuringARecordingHasItsFileFinishedAndTheRoomGoesOn() throws Exception {
        start(5, 2, true);
        joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        Room room = conferences.room("r").orElseThrow();
        RecordingStatus started = room.startRecording("webm", true);
        bob.participant().close();
        assertEquals("recording", room.recordings().get(0).state(), "the room's recording goes on");
        RoomRecorders.StoppedRecording stopped = room.stopRecording(started.id());
        List<String> files = stopped.participants().stream().map(r -> r.file().getFileName().toString()).toList();
        assertEquals(2, files.size(), "one file per participant: " + files);
        assertTrue(files.stream().anyMatch(f -> f.contains("p2")), files.toString());
        assertTrue(room.recordings().isEmpty());
        assertEquals(Refusal.RECORDING_NOT_FOUND, assertThrows(ConferenceException.class,
                () -> room.stopRecording(started.id())).refusal());
        assertEquals(Refusal.INVALID_ARGUMENT, assertThrows(ConferenceException.class,
                () -> room.startRecording("avi", false)).refusal());
    }

    @Test
    void aStalledDiskHoldsNeitherTheLeaverNorTheRoomWhileTheLeaversFileIsFinished() throws Exception {
        CountDownLatch diskStalled = new CountDownLatch(1);
        ExecutorService stalledDisk = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                try {
                    diskStalled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        start(5, 2, true, stalledDisk);
        joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        Room room = conferences.room("r").orElseThrow();
        RecordingStatus started = room.startRecording("webm", true);

        long leaving = System.nanoTime();
        bob.participant().close();
        assertTrue(System.nanoTime() - leaving < TimeUnit.SECONDS.toNanos(2), "leaving does not wait for the disk");
        assertEquals(1, room.members().size());
        assertEquals(1, conferences.rooms().size(), "the server's room list answers");
        join("r", "Cy");
        assertEquals(2, room.members().size(), "joins go on");

        diskStalled.countDown();
        RoomRecorders.StoppedRecording stopped = room.stopRecording(started.id());
        assertTrue(stopped.participants().stream().anyMatch(r -> r.file().getFileName().toString().contains("p2")),
                "the leaver's file is finished once the disk answers: " + stopped.participants());
    }

    @Test
    void videoConstraintsReachOnlyTheirPublisher() throws Exception {
        start(5, 2, true);
        Member ann = joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        await(() -> !ann.log().of(RoomEvent.VideoConstraints.class).isEmpty()
                && !bob.log().of(RoomEvent.VideoConstraints.class).isEmpty(), "each publisher hears its tile size");
        for (Member m : List.of(ann, bob)) {
            for (RoomEvent.VideoConstraints c : m.log().of(RoomEvent.VideoConstraints.class)) {
                assertEquals(m.participant().id(), c.participantId());
            }
            RoomEvent.VideoConstraints last = lastOf(m.log(), RoomEvent.VideoConstraints.class);
            assertTrue(last.constraints().maxWidth() <= 320, "a two-tile grid on a 320-wide canvas");
            FakeSession session = m.session(sessions, "r");
            await(() -> session.videoLimitBps.get() == last.constraints().maxBitrateBps(), "the REMB cap follows");
        }
    }

    @Test
    void aReceiverWhoseEstimateCollapsesIsMovedToAudioOnlyAndOnlyItHearsOfIt() throws Exception {
        start(5, 2, true);
        Member ann = joinWithMedia("r", "Ann");
        Member bob = joinWithMedia("r", "Bob");
        FakeSession session = ann.session(sessions, "r");
        await(() -> session.videoSent.size() > 3, "video flows to the receiver");
        // Estimates in the first seconds are ignored; then a peak, then a cut far below what is sent.
        long start = System.nanoTime();
        long warmedUp = start + Duration.ofMillis(TierSelector.WARM_UP_MS + 300).toNanos();
        long deadline = warmedUp + Duration.ofMillis(TierSelector.DOWNGRADE_AFTER_MS + 5_000).toNanos();
        while (ann.log().of(RoomEvent.TierChanged.class).isEmpty() && System.nanoTime() < deadline) {
            session.listener.onBandwidthEstimate(System.nanoTime() < warmedUp ? 1_000_000 : 1_000);
            Thread.sleep(100);
        }
        assertEquals(List.of(new RoomEvent.TierChanged("p1", VideoTier.AUDIO_ONLY)),
                ann.log().of(RoomEvent.TierChanged.class));
        assertTrue(bob.log().of(RoomEvent.TierChanged.class).isEmpty());
        assertTrue(heard.contains("r TierChanged"));
        assertEquals(VideoTier.AUDIO_ONLY, conferences.room("r").orElseThrow().members().get(0).tier());
        int sent = session.videoSent.size();
        Thread.sleep(500);
        assertTrue(session.videoSent.size() <= sent + 1, "no more video for an audio-only receiver");
    }

    @Test
    void aFailingListenerCostsTheOthersNothing() throws Exception {
        start(5, 2, true);
        List<RoomEvent> second = new CopyOnWriteArrayList<>();
        conferences.addListener((room, event) -> {
            throw new IllegalStateException("broken listener");
        });
        conferences.addListener((room, event) -> second.add(event));
        join("r", "Ann");
        assertEquals(2, second.size());
        assertInstanceOf(RoomEvent.Opened.class, second.get(0));
        assertFalse(heard.isEmpty());
    }

    private static <T extends RoomEvent> T lastOf(SignalLog log, Class<T> type) {
        List<T> all = log.of(type);
        return all.get(all.size() - 1);
    }

    private static List<String> names(Welcome welcome) {
        return welcome.participants().stream().map(MemberInfo::name).toList();
    }

    private static List<String> joinedNames(SignalLog log) {
        return log.of(RoomEvent.ParticipantJoined.class).stream().map(e -> e.participant().name()).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(20);
        }
    }
}
