/**
 * The room's encoded outputs, shared rather than made per receiver.
 * {@link io.chorus.mixer.output.VideoOutputs} runs one encoder per
 * {@link io.chorus.mixer.output.VideoProfile} that somebody receives (a profile smaller than the
 * canvas is resized from it) and gives a receiver that joins a running profile a key frame;
 * {@link io.chorus.mixer.output.AudioOutputs} encodes the full mix once for every listener who is
 * not a mixed speaker, and each mixed speaker's mix-minus with an encoder from a pool, so a room
 * never runs more than K + 1 Opus encoders however many listen. Frames go to each receiver's
 * {@link io.chorus.mixer.output.MediaSink}. {@link io.chorus.mixer.output.CodecLifecycle} is the
 * room's one thread for opening and closing codecs.
 *
 * <p>Threads: subscriptions and key-frame requests may come from any thread (signalling, the
 * receive thread on a receiver's PLI or FIR, recorder workers); they are posted as commands that
 * the tick applies at its start, so the tick is the only thread that touches output state and never
 * waits for a lock another thread holds. The {@code video-<room>} and {@code audio-<room>} ticks
 * encode and call every sink with one frame shared by all receivers of an output: a sink must
 * neither block nor write to the frame. Encoders are opened, pooled and closed on
 * {@code codec-lifecycle-<room>} and published to the tick through volatile fields; until an
 * encoder is there, its output skips the tick rather than wait for it.
 */
package io.chorus.mixer.output;
