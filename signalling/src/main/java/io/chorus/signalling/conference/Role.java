package io.chorus.signalling.conference;

import java.util.Locale;

/**
 * What a member may do beyond sending and receiving media. A moderator may change the layout, mute
 * and remove others, lock the room and start and stop recordings, and joins a locked room; a
 * participant may not. The role comes with the join token (its {@code role} claim).
 */
public enum Role {
    PARTICIPANT, MODERATOR;

    /** As tokens and messages spell it: {@code moderator}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but the two wire names */
    public static Role parse(String wire) {
        for (Role role : values()) {
            if (role.wire().equals(wire)) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be participant or moderator, got '" + wire + "'");
    }
}
