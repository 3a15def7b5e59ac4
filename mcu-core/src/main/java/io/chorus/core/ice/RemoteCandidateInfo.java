package io.chorus.core.ice;

/**
 * A browser candidate received by trickle ICE or in the offer, already parsed.
 *
 * @param type "host", "srflx", "prflx" or "relay"
 */
public record RemoteCandidateInfo(String foundation, int component, String transport, long priority,
        String address, int port, String type, String relatedAddress, int relatedPort) {
}
