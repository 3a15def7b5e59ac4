package io.chorus.signalling.logging;

import org.slf4j.MDC;

/**
 * The room and participant a thread is working for, as fields of every line it logs meanwhile
 * (SLF4J's MDC: JSON logs carry them as {@code room} and {@code participant}). Opened where a
 * thread takes up a room's work, closed when it puts it down, so that a pooled thread never
 * lends one room's ids to the next room's lines.
 */
public final class LogContext implements AutoCloseable {
    public static final String ROOM = "room";
    public static final String PARTICIPANT = "participant";

    private final String previousRoom;
    private final String previousParticipant;

    private LogContext() {
        previousRoom = MDC.get(ROOM);
        previousParticipant = MDC.get(PARTICIPANT);
    }

    /** @param room or null; @param participant or null */
    public static LogContext enter(String room, String participant) {
        LogContext context = new LogContext();
        set(room, participant);
        return context;
    }

    /** Changes the fields inside an open context, e.g. once a join has given the participant its id. */
    public static void set(String room, String participant) {
        put(ROOM, room);
        put(PARTICIPANT, participant);
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        set(previousRoom, previousParticipant);
    }
}
