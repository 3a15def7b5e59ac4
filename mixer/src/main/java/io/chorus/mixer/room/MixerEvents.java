package io.chorus.mixer.room;

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

    MixerEvents NONE = new MixerEvents() {
    };
}
