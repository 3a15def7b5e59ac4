package io.chorus.signalling.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chorus.mixer.room.RoomMixerConfig;
import io.chorus.mixer.video.LayoutName;
import io.chorus.recorder.file.RecordingOptions;
import io.chorus.recorder.rtmp.BroadcastSettings;
import io.chorus.signalling.conference.ConferenceSettings;
import io.chorus.signalling.conference.Conferences;
import io.chorus.signalling.conference.RecordingSettings;
import io.chorus.signalling.conference.Room;
import io.chorus.signalling.conference.RoomEvent;
import io.chorus.signalling.conference.RoomLimits;
import io.chorus.signalling.conference.RoomSpec;
import io.chorus.signalling.conference.VideoTier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RoomMetricsTest {
    @TempDir
    Path recordings;

    /** A room id reused before the old room's Closed reached the metrics: the new room keeps its meters. */
    @Test
    void aReusedRoomIdGetsMetersOfItsOwnRoom() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConferenceSettings settings = new ConferenceSettings(RoomMixerConfig.defaults().withCanvas(320, 180, 15),
                LayoutName.GRID, List.of(new VideoTier("low", 320, 180, 150_000)),
                new RoomLimits(4, 4, Duration.ZERO, true, Duration.ofSeconds(30), 1, 1, 1, 50),
                new RecordingSettings(recordings, null, false, RecordingOptions.defaults(), 0),
                BroadcastSettings.defaults());
        Conferences conferences = new Conferences(settings, (name, listener) -> {
            throw new UnsupportedOperationException("no joins in this test");
        });
        try {
            RoomMetrics metrics = new RoomMetrics(registry, conferences);
            Room old = conferences.create(RoomSpec.of("r", settings));
            metrics.onEvent(old, new RoomEvent.Opened());
            old.close("test");
            Room reused = conferences.create(RoomSpec.of("r", settings));
            metrics.onEvent(reused, new RoomEvent.Opened());
            metrics.onEvent(old, new RoomEvent.Closed("test"));
            Gauge participants = registry.get("chorus.room.participants").tag("room", "r").gauge();
            assertEquals(0.0, participants.value());
            assertSame(participants, registry.find("chorus.room.participants").tag("room", "r").gauge(),
                    "the late Closed of the old room left the new room's meters alone");
            metrics.onEvent(reused, new RoomEvent.Closed("test"));
            assertEquals(0, registry.find("chorus.room.participants").gauges().size());
        } finally {
            conferences.close();
        }
    }
}
