package io.chorus.mixer.room;

import io.chorus.mixer.publish.VideoDemand;

/**
 * What a room's mixer tells the rest of the server. Called on the room's tick threads: an
 * implementation must hand work off rather than block (send a WebSocket message asynchronously,
 * ask the transport for a key frame).
 */
public interface MixerEvents {

    /** The dominant speaker changed; {@code participantId} is null when nobody speaks any more. */
    default void onActiveSpeaker(String participantId) {
    }

    /** The participant's video cannot be decoded until a key frame: send it a PLI or FIR. */
    default void onKeyFrameNeeded(String participantId) {
    }

    /**
     * What the participant's camera should send changed: pictures fitting {@code demand}'s box at its
     * frame rate, or {@link VideoDemand#NONE} when no output shows it. Called on the video tick thread,
     * once when the participant is first laid out and then on each change (growth at once, shrinking
     * after a hold: see {@link io.chorus.mixer.publish.DemandHysteresis}); pass it on as video
     * constraints and REMB without blocking.
     */
    default void onVideoDemand(String participantId, VideoDemand demand) {
    }

    /**
     * The mixer cannot go on: one of its tick streams failed on every tick for a while (see
     * {@link io.chorus.mixer.clock.TickThread}) and stopped. The room should end, telling its
     * members why. Called once, on the failed tick thread: hand the closing off.
     */
    default void onFailed(String reason) {
    }

    MixerEvents NONE = new MixerEvents() {
    };
}
