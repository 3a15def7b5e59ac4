package io.chorus.recorder.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoomTimelineTest {
    private static final long WRAP = 1L << 32;

    @Test
    void videoAndAudioOfTheSameInstantLandTogether() {
        RoomTimeline line = new RoomTimeline();
        long video = line.video(90_000L * 10);
        long audio = line.audio(48_000L * 10);
        assertEquals(video, audio);
        assertEquals(10_000, RoomTimeline.toMillis(audio));
    }

    @Test
    void aRoomOlderThanTheVideoWrapKeepsAudioAndVideoTogether() {
        // 14 hours in: the 90 kHz timestamp has wrapped once, the 48 kHz one not yet.
        long seconds = 14 * 3600;
        long video90k = (seconds * 90_000) % WRAP;
        long audio48k = (seconds * 48_000) % WRAP;
        RoomTimeline line = new RoomTimeline();
        long audio = line.audio(audio48k);
        long video = line.video(video90k + 45_000);
        assertEquals(500, RoomTimeline.toMillis(video - audio));
    }

    @Test
    void continuesAcrossEachStreamsOwnWrap() {
        RoomTimeline line = new RoomTimeline();
        long before = line.video(WRAP - 6000);
        long after = line.video(0);
        assertEquals(6000 * 8, after - before);
        long audioBefore = line.audio(WRAP - 960);
        long audioAfter = line.audio(0);
        assertEquals(960 * 15, audioAfter - audioBefore);
    }

    @Test
    void aLateFrameStaysBehindTheNewestOne() {
        RoomTimeline line = new RoomTimeline();
        long newer = line.audio(96_000);
        long older = line.audio(95_040);
        assertEquals(-960 * 15, older - newer);
    }
}
