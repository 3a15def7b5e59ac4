package io.chorus.signalling.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.config.ChorusConfig;
import io.chorus.signalling.conference.Conferences;
import io.chorus.signalling.recordings.RecordingCatalog;
import io.netty.handler.codec.http.HttpMethod;

/** {@code GET /api/ready} follows its checks: 200 while all hold, 503 naming the one that fails. */
class ReadyRouteTest {
    private final Conferences conferences = new Conferences(ChorusConfig.defaults().conference(), (name, listener) -> {
        throw new IOException("no media in this test");
    });

    @TempDir
    Path recordings;

    @AfterEach
    void close() {
        conferences.close();
    }

    @Test
    void readyOnlyWhileEveryCheckHolds() throws Exception {
        AtomicReference<Optional<String>> port = new AtomicReference<>(Optional.empty());
        Readiness readiness = new Readiness(List.of(new Readiness.Check("mediaPort", port::get),
                new Readiness.Check("always", Optional::empty)));
        RecordingCatalog catalog = RecordingCatalog.open(recordings, new ObjectMapper(), Clock.systemUTC());
        RoomsApi api = new RoomsApi(conferences, new ObjectMapper(), null, readiness, catalog);

        ApiResponse ready = api.handle(HttpMethod.GET, List.of("ready"), Map.of(), null);
        assertEquals(200, ready.status().code());
        assertEquals("{\"ready\":true,\"checks\":{\"mediaPort\":\"ok\",\"always\":\"ok\"}}", ready.body().toString());

        port.set(Optional.of("UDP 127.0.0.1:10000 is closed"));
        ApiResponse notReady = api.handle(HttpMethod.GET, List.of("ready"), Map.of(), null);
        assertEquals(503, notReady.status().code());
        JsonNode checks = notReady.body().get("checks");
        assertEquals(false, notReady.body().get("ready").asBoolean());
        assertEquals("UDP 127.0.0.1:10000 is closed", checks.get("mediaPort").asText());
        assertEquals("ok", checks.get("always").asText());

        ApiException post = assertThrows(ApiException.class, () -> api.handle(HttpMethod.POST, List.of("ready"), Map.of(), null));
        assertEquals(405, post.status().code());
    }
}
