package io.chorus.signalling.conference;

import static io.chorus.core.config.SettingChecks.inRange;
import static io.chorus.core.config.SettingChecks.notNegative;
import static io.chorus.core.config.SettingChecks.positive;

import java.time.Duration;

/**
 * How many rooms and members the server holds, and how rooms open and close.
 *
 * @param emptyRoomGrace how long a room stays open after its last participant leaves
 * @param createOnJoin   whether joining an unknown room creates it (otherwise only the REST API does)
 */
public record RoomLimits(int maxParticipants, int maxRooms, Duration emptyRoomGrace, boolean createOnJoin) {
    /** A grid of 64 tiles is already unreadable on a 1080p screen, and the mixer's cost grows with every input. */
    public static final int MAX_PARTICIPANTS = 64;

    public RoomLimits {
        inRange(maxParticipants, 1, MAX_PARTICIPANTS, "maxParticipants");
        positive(maxRooms, "maxRooms");
        notNegative(emptyRoomGrace, "emptyRoomGrace");
    }
}
