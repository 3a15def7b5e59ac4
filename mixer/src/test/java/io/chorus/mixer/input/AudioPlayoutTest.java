package io.chorus.mixer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A late video tick asks for the audio of its own instant, not of the moment it happens to run. */
class AudioPlayoutTest {
    @Test
    void theCaptureTimeMovesOnWithRoomTime() {
        AudioInput.Playout played = new AudioInput.Playout(5_000_000, 1_000_000);
        assertEquals(5_000_000, played.captureAt(1_000_000));
        assertEquals(5_033_333, played.captureAt(1_033_333), "a video tick 33 ms of room time later");
        assertEquals(4_960_000, played.captureAt(960_000), "a video tick whose instant the audio passed already");
        assertEquals(Long.MIN_VALUE, new AudioInput.Playout(Long.MIN_VALUE, 0).captureAt(1_000_000));
    }
}
