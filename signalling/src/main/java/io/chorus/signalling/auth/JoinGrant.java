package io.chorus.signalling.auth;

import java.time.Instant;

import io.chorus.signalling.conference.Role;

/**
 * What a verified join token allows.
 *
 * @param maxBitrate the most bits per second the participant may receive, or null for the server's tiers
 * @param seatKey    names the token among all tokens (its {@code jti}, else its signature)
 * @param seats      sessions the token may hold at once
 * @param role       what its holder may do in the room
 */
public record JoinGrant(String room, String name, Instant expiresAt, Integer maxBitrate, String seatKey, int seats,
        Role role) {
}
