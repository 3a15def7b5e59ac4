package io.chorus.samples.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A room's mixer tick counters, from {@code GET /api/rooms/{id}} (docs/rest-api.md). */
record MixerTicks(long audioTicks, long videoTicks, long audioOverruns, long videoOverruns) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static MixerTicks fetch(HttpClient http, URI server, String room) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/rooms/" + room))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/rooms/" + room + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode mixer = JSON.readTree(response.body()).path("mixer");
        return new MixerTicks(mixer.path("audioTicks").asLong(), mixer.path("videoTicks").asLong(),
                mixer.path("audioOverruns").asLong(), mixer.path("videoOverruns").asLong());
    }

    MixerTicks minus(MixerTicks earlier) {
        return new MixerTicks(audioTicks - earlier.audioTicks, videoTicks - earlier.videoTicks,
                audioOverruns - earlier.audioOverruns, videoOverruns - earlier.videoOverruns);
    }

    MixerTicks plus(MixerTicks other) {
        return new MixerTicks(audioTicks + other.audioTicks, videoTicks + other.videoTicks,
                audioOverruns + other.audioOverruns, videoOverruns + other.videoOverruns);
    }
}
