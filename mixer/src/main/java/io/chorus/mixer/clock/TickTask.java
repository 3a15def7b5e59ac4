package io.chorus.mixer.clock;

/** Work done once per tick of a room's clock: mix and encode one audio frame, or compose one picture. */
@FunctionalInterface
public interface TickTask {

    /**
     * @param tick         tick index since the room's clock origin
     * @param rtpTimestamp RTP timestamp derived from the tick index (before any per-stream offset)
     */
    void onTick(long tick, long rtpTimestamp);
}
