package io.chorus.signalling.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;

class LogFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void jsonLinesCarryTheRoomAndParticipantOfTheirContext() throws Exception {
        List<String> lines = captureWithJson(() -> {
            org.slf4j.Logger log = LoggerFactory.getLogger("io.chorus.test.Room");
            try (LogContext room = LogContext.enter("standup", null)) {
                log.info("room opened");
                try (LogContext member = LogContext.enter("standup", "p3")) {
                    log.warn("offer refused: \"quoted\"\nsecond line");
                }
                log.info("back to the room");
            }
            log.info("outside any room");
            log.error("failed", new IllegalStateException("boom"));
        });
        assertEquals(5, lines.size(), lines::toString);
        JsonNode opened = MAPPER.readTree(lines.get(0));
        assertEquals("room opened", opened.get("message").asText());
        assertEquals("INFO", opened.get("level").asText());
        assertEquals("io.chorus.test.Room", opened.get("logger_name").asText());
        assertEquals("standup", opened.get("room").asText());
        assertFalse(opened.has("participant"));
        assertTrue(opened.has("@timestamp") && opened.has("thread_name"), opened::toString);
        JsonNode refused = MAPPER.readTree(lines.get(1));
        assertEquals("p3", refused.get("participant").asText());
        assertEquals("offer refused: \"quoted\"\nsecond line", refused.get("message").asText());
        assertFalse(MAPPER.readTree(lines.get(2)).has("participant"), "the inner context is put down");
        assertFalse(MAPPER.readTree(lines.get(3)).has("room"), "and so is the outer one");
        assertTrue(MAPPER.readTree(lines.get(4)).get("stack_trace").asText().contains("IllegalStateException: boom"));
        assertEquals(null, MDC.get(LogContext.ROOM));
    }

    @Test
    void onlyTextAndJsonAreFormats() {
        assertEquals(LogFormat.JSON, LogFormat.parse("json"));
        assertEquals(LogFormat.TEXT, LogFormat.parse("text"));
        assertEquals("must be text or json, got 'JSON'",
                assertThrows(IllegalArgumentException.class, () -> LogFormat.parse("JSON")).getMessage());
    }

    /** Runs {@code work} with the JSON format on, capturing standard output; restores the text appenders. */
    private static List<String> captureWithJson(Runnable work) {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> text = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            text.add(it.next());
        }
        text.forEach(root::detachAppender);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LogFormat.JSON.apply();
            work.run();
        } finally {
            System.setOut(stdout);
            root.detachAndStopAllAppenders();
            text.forEach(root::addAppender);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
