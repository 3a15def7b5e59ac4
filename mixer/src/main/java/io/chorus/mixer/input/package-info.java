/**
 * Each participant's media on its way into the mix. {@link io.chorus.mixer.input.AudioInput} holds
 * a jitter buffer and an Opus decoder: once per audio tick it takes the next packet with the level
 * the sender gave it (<a href="https://www.rfc-editor.org/rfc/rfc6464">RFC 6464</a>), then decodes
 * or conceals it only if the voice is mixed, else skips it, so a room of listeners costs no
 * decoding. {@link io.chorus.mixer.input.VideoInput} decodes complete frames and scales each
 * picture straight to its tile's size into a small ring, from which the video tick takes the
 * picture captured at the time of the audio now playing; {@link io.chorus.mixer.input.SenderClock}
 * maps each stream's RTP timestamps to the sender's wall clock from its RTCP sender reports
 * (<a href="https://www.rfc-editor.org/rfc/rfc3550#section-6.4.1">RFC 3550 section 6.4.1</a>),
 * which is what lines the two up. Frames reach the decoder through mcu-core's
 * {@link io.chorus.core.handoff.HandOffQueue}, drained by its
 * {@link io.chorus.core.handoff.SerialDrain} on a shared pool, one pool thread at a time.
 *
 * <p>Threads: ice4j's receive thread offers packets, frames and sender reports and never waits: a
 * full video queue drops frames, skips to the next key frame and asks the sender for one. Video
 * decoding and scaling run on the server's shared {@code decode} pool; the {@code audio-<room>}
 * tick polls and decodes audio, the {@code video-<room>} tick picks pictures. The video tick shares
 * only the picture ring's bookkeeping lock with the decoding, never a decode or a pixel copy, so it
 * never waits for a decoder; an audio input's lock is contended only by its closing. Inputs are
 * closed on {@code codec-lifecycle-<room>}, which waits for a decode in progress rather than free a
 * decoder under it.
 */
package io.chorus.mixer.input;
