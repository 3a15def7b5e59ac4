package io.chorus.samples.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariantPickerTest {
    private static final List<VideoVariant> LADDER = VideoLadder.plan(640, 360, 30, 400_000);
    private static final long NONE = VariantPicker.NO_ESTIMATE;

    private static String pick(VideoConstraints constraints, long rembBps) {
        int i = VariantPicker.pick(LADDER, constraints, rembBps);
        return i == VariantPicker.OFF ? "off" : LADDER.get(i).label();
    }

    private static VideoConstraints shown(int width, int height, int fps) {
        return new VideoConstraints(width, height, fps, Long.MAX_VALUE, true);
    }

    @Test
    void theLadderHasFourSizesAtTwoRatesWithBitratesInProportionToPixels() {
        assertEquals(List.of("640x360@30", "480x270@30", "320x180@30", "160x90@30", "640x360@15", "480x270@15",
                "320x180@15", "160x90@15"), LADDER.stream().map(VideoVariant::label).toList());
        assertEquals(List.of(400_000, 225_000, 100_000, 30_000, 240_000, 135_000, 60_000, 30_000),
                LADDER.stream().map(VideoVariant::bitrateBps).toList());
    }

    @Test
    void beforeAnyRequestTheFullVariantIsSent() {
        assertEquals("640x360@30", pick(null, NONE));
    }

    @Test
    void theMessagePicksTheLargestSizeThatFits() {
        assertEquals("320x180@30", pick(shown(320, 180, 30), NONE));
        assertEquals("320x180@30", pick(shown(426, 240, 30), NONE));
        assertEquals("480x270@30", pick(shown(480, 270, 30), NONE));
        assertEquals("640x360@30", pick(shown(1280, 720, 30), NONE));
    }

    @Test
    void aTileSmallerThanEveryVariantGetsTheSmallest() {
        assertEquals("160x90@30", pick(shown(100, 56, 30), NONE));
    }

    @Test
    void fifteenFramesASecondOrLessPicksTheHalfRateVariant() {
        assertEquals("640x360@15", pick(shown(640, 360, 15), NONE));
        assertEquals("320x180@15", pick(shown(320, 180, 20), NONE));
        assertEquals("320x180@15", pick(shown(320, 180, 5), NONE));
    }

    @Test
    void inactiveStopsTheCamera() {
        assertEquals("off", pick(new VideoConstraints(320, 180, 30, 140_000, false), NONE));
        assertEquals("off", pick(new VideoConstraints(320, 180, 30, 140_000, false), 1_000_000));
    }

    @Test
    void aRembAloneLowersToTheLargestVariantWhoseBitrateFits() {
        assertEquals("320x180@30", pick(null, 140_000));
        assertEquals("480x270@30", pick(null, 225_000));
        assertEquals("640x360@30", pick(null, 400_000));
        assertEquals("160x90@30", pick(null, 10_000));
    }

    @Test
    void aRembNeverRaisesAboveWhatTheMessageAllows() {
        assertEquals("320x180@30", pick(shown(320, 180, 30), 2_000_000));
        assertEquals("160x90@30", pick(shown(320, 180, 30), 50_000));
        assertEquals("320x180@15", pick(shown(640, 360, 15), 100_000));
    }

    @Test
    void requestsFollowTheServersMessagesAndRembsInTurn() throws Exception {
        VariantRequests requests = new VariantRequests(LADDER);
        assertEquals(0, requests.wanted());
        requests.constraints(VideoConstraints.fromJson(new ObjectMapper().readTree(
                "{\"type\":\"video-constraints\",\"maxWidth\":320,\"maxHeight\":180,\"maxFramerate\":30,"
                        + "\"maxBitrate\":140000,\"active\":true}")));
        assertEquals("320x180@30", LADDER.get(requests.wanted()).label());
        requests.remb(40_000);
        assertEquals("160x90@30", LADDER.get(requests.wanted()).label());
        requests.constraints(shown(640, 360, 30));
        assertEquals("160x90@30", LADDER.get(requests.wanted()).label(), "the REMB still holds");
        requests.remb(400_000);
        assertEquals("640x360@30", LADDER.get(requests.wanted()).label());
        requests.constraints(VideoConstraints.fromJson(new ObjectMapper().readTree(
                "{\"type\":\"video-constraints\",\"active\":false}")));
        assertEquals(VariantPicker.OFF, requests.wanted());
    }
}
