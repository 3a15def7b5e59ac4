package io.chorus.core.ice;

/**
 * A server candidate in the terms SDP needs, independent of ice4j's classes.
 *
 * @param type "host" or "srflx"
 */
public record LocalCandidate(String foundation, int component, long priority, String address, int port,
        String type, String relatedAddress, int relatedPort) {
}
