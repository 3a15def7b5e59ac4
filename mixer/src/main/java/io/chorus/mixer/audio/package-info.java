/**
 * Audio mixing in the mixer's one PCM format ({@link io.chorus.mixer.audio.AudioFormat}: 48 kHz
 * mono 16-bit, 20 ms frames), so nothing here resamples.
 * {@link io.chorus.mixer.audio.AudioJitterBuffer} turns one participant's Opus packets into one
 * play, conceal or silence decision per tick, with a delay that follows the measured jitter
 * (<a href="https://www.rfc-editor.org/rfc/rfc3550">RFC 3550</a> section 6.4.1) and DTX pauses
 * (<a href="https://www.rfc-editor.org/rfc/rfc7587">RFC 7587</a> {@code usedtx}) told apart from
 * losses by the sender's level. Levels are
 * <a href="https://www.rfc-editor.org/rfc/rfc6464">RFC 6464</a> dBov
 * ({@link io.chorus.mixer.audio.AudioLevel}), smoothed by
 * {@link io.chorus.mixer.audio.ParticipantLevels}; {@link io.chorus.mixer.audio.SpeakerSelector}
 * picks the K voices that are mixed and {@link io.chorus.mixer.audio.ActiveSpeakerDetector} the
 * dominant speaker, both with hysteresis so that a cough moves nothing.
 * {@link io.chorus.mixer.audio.MixMinusMixer} sums the chosen voices once and gives each of them
 * the sum without their own voice, in O(K); {@link io.chorus.mixer.audio.SoftLimiter} brings each
 * output back into 16 bits without wrapping.
 *
 * <p>Threads: the {@code audio-<room>} tick thread is the only one that polls, measures, selects or
 * mixes; none of that is thread-safe. ice4j's receive thread only pushes packets into a jitter
 * buffer's fixed-size inbox, under a monitor the tick takes just to swap inboxes. A push allocates
 * nothing, and no tick allocates PCM: packets sit in fixed arrays and a mix's outputs are reused by
 * the next tick, which at 50 ticks a second in every room keeps the garbage collector's work small.
 */
package io.chorus.mixer.audio;
