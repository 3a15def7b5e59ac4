package io.chorus.samples.load;

import java.net.URI;
import java.util.List;

/**
 * One load run: {@code rooms} rooms of {@code participants} synthetic participants each, sending
 * {@code width}x{@code height} VP8 at {@code fps} and {@code bitrateBps}, measured for {@code seconds}
 * after {@code warmupSeconds}.
 *
 * @param serverPid  the server's process id for its CPU and memory, or 0 when not known (not measured)
 * @param decodeAll  every participant decodes the composite; otherwise only the first of each room
 *                   does (all receivers of a tier get the same stream, so one reader per room sees
 *                   every member's counter, and the clients cost far less CPU)
 * @param roomPrefix room ids are {@code prefix-0}, {@code prefix-1} ...
 * @param talkers    the first this many members of each room send their tone; the others send the
 *                   silence of a listener with Opus DTX ({@code participants} or more: everyone talks)
 * @param audioOnly  offer and send no video
 * @param adapt      follow the server's {@code video-constraints} and REMB by switching between
 *                   pre-encoded variants; otherwise send {@code width}x{@code height} throughout
 */
public record LoadSettings(URI server, int rooms, int participants, int seconds, int warmupSeconds, int width, int height,
        int fps, int bitrateBps, boolean decodeAll, long serverPid, String roomPrefix, int talkers, boolean audioOnly,
        boolean adapt) {
    /** The clip loops every 3 s: longer than any latency worth measuring, short enough to encode quickly. */
    public static final int LOOP_SECONDS = 3;
    /** The frame counter needs at least 4 pixels a cell. */
    static final int MIN_WIDTH = 2 * FrameCounter.CELLS * 4;
    static final int MIN_HEIGHT = 16;

    public LoadSettings {
        positive(rooms, "rooms");
        positive(participants, "participants");
        positive(seconds, "seconds");
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("warmup seconds must not be negative: " + warmupSeconds);
        }
        if (width < MIN_WIDTH || width % 2 != 0 || height < MIN_HEIGHT || height % 2 != 0) {
            throw new IllegalArgumentException("width and height must be even, width at least " + MIN_WIDTH
                    + " and height at least " + MIN_HEIGHT + ": " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps must be 1..60: " + fps);
        }
        if (talkers < 0) {
            throw new IllegalArgumentException("talkers must not be negative: " + talkers);
        }
        if (!roomPrefix.matches("[A-Za-z0-9_-]{1,50}")) {
            throw new IllegalArgumentException("room prefix must be 1-50 of [A-Za-z0-9_-]: " + roomPrefix);
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    /** Whether member {@code index} (join order) of a room sends its tone. */
    boolean talks(int index) {
        return index < talkers;
    }

    /** The variants each camera has ready, largest first; none for audio only. */
    List<VideoVariant> videoVariants() {
        if (audioOnly) {
            return List.of();
        }
        return adapt ? VideoLadder.plan(width, height, fps, bitrateBps)
                : VideoLadder.fixed(width, height, fps, bitrateBps);
    }

    String room(int index) {
        return roomPrefix + "-" + index;
    }

    URI webSocket() {
        return URI.create(server.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws");
    }
}
