package io.chorus.signalling.conference;

/**
 * One member of a room as the API shows it. {@code rttMs} and {@code estimateBps} are -1 until
 * known; {@code downstreamDropped} counts mixed frames dropped because its transport fell behind.
 */
public record MemberView(String id, String name, boolean audioMuted, boolean videoMuted, double gainDb,
        VideoTier tier, String connection, long rttMs, long estimateBps, long downstreamDropped) {
}
