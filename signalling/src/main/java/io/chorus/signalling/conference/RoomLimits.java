package io.chorus.signalling.conference;

import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.notNegative;
import static io.chorus.core.config.SettingChecks.positive;
import static io.chorus.core.config.SettingChecks.within;

import java.time.Duration;

/**
 * How many rooms and members the server holds, and how rooms open and close.
 *
 * @param emptyRoomGrace how long a room stays open after its last participant leaves
 * @param createOnJoin   whether joining an unknown room creates it (otherwise only the REST API does)
 * @param connectTimeout how long a member may take from joining to a connected media transport
 *                       (offer, ICE, DTLS) before it leaves with {@link LeaveReason#NOT_CONNECTED}
 * @param maxEchoSessions sessions the {@code echo} test room holds at once
 * @param maxRecordings  recordings one room runs at once (each an encoder and a writer)
 * @param maxBroadcasts  broadcasts one room runs at once (each an H.264 encoder and a connection)
 */
public record RoomLimits(int maxParticipants, int maxRooms, Duration emptyRoomGrace, boolean createOnJoin,
        Duration connectTimeout, int maxEchoSessions, int maxRecordings, int maxBroadcasts, int chatHistory) {
    /** A grid of 64 tiles is already unreadable on a 1080p screen, and the mixer's cost grows with every input. */
    public static final int MAX_PARTICIPANTS = 64;

    public RoomLimits {
        inRange(maxParticipants, 1, MAX_PARTICIPANTS, "maxParticipants");
        positive(maxRooms, "maxRooms");
        notNegative(emptyRoomGrace, "emptyRoomGrace");
        within(connectTimeout, Duration.ofSeconds(1), Duration.ofMinutes(10), "connectTimeout");
        inRange(maxEchoSessions, 0, 1000, "maxEchoSessions");
        inRange(maxRecordings, 0, 100, "maxRecordings");
        inRange(maxBroadcasts, 0, 100, "maxBroadcasts");
        inRange(chatHistory, 0, 1000, "chatHistory");
    }
}
