package io.chorus.core.sdp;

import java.util.Optional;

/** RFC 3264 media direction, always from the point of view of the description that states it. */
public enum Direction {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    public String attributeName() {
        return attributeName;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The direction an answerer states to accept this offered one as is (RFC 3264 section 6.1). */
    public Direction reversed() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    public static Optional<Direction> fromAttributeName(String name) {
        for (Direction direction : values()) {
            if (direction.attributeName.equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
