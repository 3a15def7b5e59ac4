package io.chorus.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Chat through a real server: every member, the sender included, gets each line with the sender's
 * id and name and the server's time; a later joiner finds the last lines in {@code joined}; a
 * client that sends faster than a person types is refused line by line; the echo room has none.
 */
class ChatTest {

    @Test
    void linesReachEveryMemberInOrderAndLateJoinersGetTheHistory() throws Exception {
        try (ChorusServer server = TestServers.start("--rooms.chatHistory=2", "--video.width=320",
                "--video.height=180", "--video.fps=15", "--video.tiers=low:320x180@150000");
                TestWebSocket ann = socket(server); TestWebSocket bob = socket(server);
                TestWebSocket late = socket(server)) {
            String annId = join(ann, "Ann").get("participant").asText();
            join(bob, "Bob");
            Instant before = Instant.now();
            for (String text : List.of("one", "two\nlines", "three")) {
                ann.send("{\"type\":\"chat\",\"text\":\"" + text.replace("\n", "\\n") + "\"}");
                JsonNode own = ann.next("chat");
                JsonNode heard = bob.next("chat");
                assertEquals(own, heard, "the sender sees what the others see");
                assertEquals(text, heard.get("text").asText());
                assertEquals(annId, heard.get("participant").asText());
                assertEquals("Ann", heard.get("name").asText());
                Instant at = Instant.parse(heard.get("at").asText());
                assertTrue(!at.isBefore(before.minus(Duration.ofSeconds(1))) && at.isBefore(Instant.now().plusSeconds(1)));
                Thread.sleep(600);
            }
            JsonNode joined = join(late, "Late");
            List<String> history = new ArrayList<>();
            joined.get("chat").forEach(line -> history.add(line.get("text").asText()));
            assertEquals(List.of("two\nlines", "three"), history, "the last rooms.chatHistory lines, oldest first");

            int refused = 0;
            for (int i = 0; i < 10; i++) {
                bob.send("{\"type\":\"chat\",\"text\":\"spam " + i + "\",\"id\":" + i + "}");
            }
            for (int i = 0; i < 10; i++) {
                JsonNode reply = bob.next();
                while (!reply.path("type").asText().equals("chat") && !reply.path("type").asText().equals("error")) {
                    reply = bob.next();
                }
                if (reply.path("type").asText().equals("error")) {
                    assertEquals("chat-too-fast", reply.get("code").asText());
                    refused++;
                }
            }
            assertTrue(refused >= 1 && 10 - refused >= 4, "a burst of 4 passes, a flood is refused: " + refused);

            bob.send("{\"type\":\"chat\",\"text\":\"   \"}");
            assertEquals("invalid-field", bob.next("error").get("code").asText());
        }
    }

    @Test
    void noChatBeforeJoiningNorInTheEchoRoom() throws Exception {
        try (ChorusServer server = TestServers.start(); TestWebSocket client = socket(server)) {
            client.send("{\"type\":\"chat\",\"text\":\"hello?\"}");
            assertEquals("not-joined", client.next("error").get("code").asText());
            client.send("{\"type\":\"join\",\"room\":\"echo\",\"name\":\"Solo\"}");
            client.next("joined");
            client.send("{\"type\":\"chat\",\"text\":\"hello?\"}");
            assertEquals("invalid-room", client.next("error").get("code").asText());
        }
    }

    private static TestWebSocket socket(ChorusServer server) throws Exception {
        return new TestWebSocket(URI.create("ws://127.0.0.1:" + server.httpAddress().getPort() + "/ws"));
    }

    private static JsonNode join(TestWebSocket socket, String name) throws Exception {
        socket.send("{\"type\":\"join\",\"room\":\"talk\",\"name\":\"" + name + "\"}");
        return socket.next("joined");
    }
}
