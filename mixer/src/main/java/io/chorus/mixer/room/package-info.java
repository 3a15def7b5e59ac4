/**
 * The mixer's entry point: {@link io.chorus.mixer.room.RoomMixer}, one per conference room (the
 * signalling layer's {@code Room} creates it), takes participants in and hands the composite and
 * the audio mixes out, on one media clock. Each member is a
 * {@link io.chorus.mixer.room.MixerParticipant} (audio input, optional video input, sender clocks
 * for lip sync); receivers, members or recorders alike, subscribe with a
 * {@link io.chorus.mixer.output.MediaSink} per kind. The two
 * {@link io.chorus.mixer.clock.TickTask}s are here: {@code AudioTick} (levels, speaker choice,
 * decoding only the voices mixed, mix-minus, encoding) and {@code VideoTick} (layout, pictures that
 * match the audio playing, compose unless nothing changed, encode per profile, camera demands).
 * {@link io.chorus.mixer.room.MixerEvents} is what the mixer tells the room;
 * {@link io.chorus.mixer.room.RoomMixerStats} what the REST API and the benchmarks read.
 *
 * <p>Threads: signalling threads join, subscribe and set layouts, and they or a transport thread
 * whose session failed make members leave; adding a participant opens its decoders on the caller's
 * thread, never on a tick. ice4j's receive thread pushes media through {@code MixerParticipant},
 * which only queues. The {@code audio-<room>} and {@code video-<room>} tick threads read the
 * participant list as an immutable snapshot and call {@code MixerEvents} (a key frame needed comes
 * from a {@code decode} pool thread or the receive thread instead) and every sink; no event and no
 * sink may block them, so the room hands that work on (to the {@code downstream} senders, the
 * recorders' sink workers). Decoders and encoders are freed on {@code codec-lifecycle-<room>} once
 * no tick uses them, and {@code close()} stops both ticks before anything else goes, so a recording
 * never ends on an empty canvas.
 */
package io.chorus.mixer.room;
