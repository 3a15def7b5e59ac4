package io.chorus.mixer.room;

/**
 * A snapshot of one room mixer's counters.
 *
 * @param audioEncodersOpen   Opus encoders open (pooled mix-minus ones and the shared full mix)
 * @param audioEncodersInUse  Opus encoders that produced a frame in the last audio tick
 * @param activeSpeaker       the dominant speaker, or null
 * @param tilesShown          tiles composed in the last video tick
 * @param composesSkipped     video ticks that had nothing new to paint (the canvas was encoded as it stood)
 * @param audioDecodesSkipped audio packets left undecoded since the room opened: silent, and not mixed
 * @param composeCpuNanos     CPU time the video tick spent on layout and composition
 * @param encodeCpuNanos      CPU time the video tick spent scaling and encoding the canvas
 * @param audioCpuNanos       CPU time the audio tick spent (decode, mix, encode)
 * @param videoFramesRefused  participants' video frames the decoders refused: corrupt, or declaring a
 *                            picture over the size limit (each makes the input ask for a key frame)
 */
public record RoomMixerStats(int participants, long audioTicks, long videoTicks, long audioOverruns,
        long videoOverruns, long failedTicks, int videoEncodersOpen, int audioEncodersOpen, int audioEncodersInUse,
        String activeSpeaker, int tilesShown, long composesSkipped, long audioDecodesSkipped, long composeCpuNanos, long encodeCpuNanos, long audioCpuNanos,
        long videoFramesRefused) {
}
