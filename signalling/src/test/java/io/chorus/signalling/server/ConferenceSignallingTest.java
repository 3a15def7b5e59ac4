package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chorus.signalling.conference.Room;

/**
 * Conference rooms over the real WebSocket: what members hear about each other (joins, leaves,
 * mutes), offers answered with one sendrecv session, and many clients joining and leaving at once.
 */
class ConferenceSignallingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ChorusServer server;
    private static URI ws;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start();
        ws = URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void membersHearJoinsMutesAndLeavesOfEachOther() throws Exception {
        try (TestWebSocket ada = new TestWebSocket(ws); TestWebSocket bo = new TestWebSocket(ws)) {
            ada.send("{\"type\":\"join\",\"room\":\"events\",\"name\":\"Ada\",\"id\":\"j1\"}");
            JsonNode adaJoined = ada.next("joined");
            assertEquals("j1", adaJoined.get("id").asText());
            assertEquals("grid", adaJoined.get("layout").asText());
            assertEquals(1280, adaJoined.get("tier").get("width").asInt());
            assertTrue(adaJoined.get("iceServers").isArray());
            String adaId = adaJoined.get("participant").asText();

            bo.send("{\"type\":\"join\",\"room\":\"events\",\"name\":\"Bo\",\"maxBitrate\":200000}");
            JsonNode boJoined = bo.next("joined");
            String boId = boJoined.get("participant").asText();
            assertEquals(List.of(adaId, boId), ids(boJoined.get("participants")), "join order");
            assertEquals("low", boJoined.get("tier").get("name").asText(), "200 kb/s affords only the 150 kb/s tier");
            assertEquals(320, boJoined.get("tier").get("width").asInt());

            JsonNode heard = ada.next("participant-joined");
            assertEquals(boId, heard.get("participant").get("id").asText());
            assertEquals("Bo", heard.get("participant").get("name").asText());

            bo.send("{\"type\":\"mute\",\"audio\":true}");
            assertTrue(bo.next("muted").get("audio").asBoolean());
            JsonNode updated = ada.next("participant-updated");
            assertEquals(boId, updated.get("participant").get("id").asText());
            assertTrue(updated.get("participant").get("audioMuted").asBoolean());
            assertFalse(updated.get("participant").get("videoMuted").asBoolean());

            bo.send("{\"type\":\"leave\"}");
            bo.next("left");
            assertEquals(boId, ada.next("participant-left").get("participant").asText());
            Room room = server.conferences().room("events").orElseThrow();
            assertEquals(1, room.size());
        }
    }

    @Test
    void anOfferIsAnsweredWithOneSendrecvSessionAndServerCandidates() throws Exception {
        try (TestWebSocket client = new TestWebSocket(ws)) {
            client.send("{\"type\":\"join\",\"room\":\"offers\",\"name\":\"Cy\"}");
            client.next("joined");
            client.send(MAPPER.createObjectNode().put("type", "offer").put("sdp", chromeOffer()).put("id", 9)
                    .toString());
            JsonNode answer = client.next("answer");
            assertEquals(9, answer.get("id").asInt());
            String sdp = answer.get("sdp").asText();
            assertEquals(2, sdp.split("a=sendrecv", -1).length - 1, "audio and video both sendrecv:\n" + sdp);
            JsonNode candidate = client.next("candidate");
            assertTrue(candidate.get("candidate").asText().contains("127.0.0.1"), candidate.toString());
            client.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
            assertEquals("offer-already-accepted", client.next("error").get("code").asText());
        }
    }

    @Test
    void concurrentJoinsAndLeavesKeepTheRoomConsistent() throws Exception {
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<TestWebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                sockets.add(new TestWebSocket(ws));
            }
            List<Callable<String>> joins = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                TestWebSocket s = sockets.get(i);
                String name = "c" + i;
                joins.add(() -> {
                    s.send("{\"type\":\"join\",\"room\":\"crowd\",\"name\":\"" + name + "\"}");
                    return s.next("joined").get("participant").asText();
                });
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> f : pool.invokeAll(joins)) {
                ids.add(f.get());
            }
            assertEquals(clients, ids.size(), "every join got its own id");
            Room room = server.conferences().room("crowd").orElseThrow();
            assertEquals(clients, room.size());

            List<Callable<String>> leaves = new ArrayList<>();
            for (int i = 0; i < clients - 1; i++) {
                TestWebSocket s = sockets.get(i);
                leaves.add(() -> {
                    s.send("{\"type\":\"leave\"}");
                    return s.next("left").get("type").asText();
                });
            }
            for (Future<String> f : pool.invokeAll(leaves)) {
                assertEquals("left", f.get());
            }
            assertEquals(1, room.size());
            TestWebSocket last = sockets.get(clients - 1);
            Set<String> leftIds = new HashSet<>();
            while (leftIds.size() < clients - 1) {
                leftIds.add(last.next("participant-left").get("participant").asText());
            }
            assertEquals(clients - 1, leftIds.size(), "the remaining member heard every leave once");
        } finally {
            sockets.forEach(TestWebSocket::close);
            pool.shutdownNow();
        }
    }

    private static List<String> ids(JsonNode participants) {
        List<String> ids = new ArrayList<>();
        participants.forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    static String chromeOffer() throws Exception {
        try (InputStream in = ConferenceSignallingTest.class.getResourceAsStream("/sdp/chrome-audio-video.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
