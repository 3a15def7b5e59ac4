/**
 * The composite picture, in plain Java. A {@link io.chorus.mixer.video.Layout}
 * ({@link io.chorus.mixer.video.GridLayout}, {@link io.chorus.mixer.video.SpeakerLayout} or a
 * {@link io.chorus.mixer.video.CustomLayout} of {@link io.chorus.mixer.video.Region}s given as
 * exact {@link io.chorus.mixer.video.Fraction}s, so adjacent regions share their pixel edges)
 * places the participants as {@link io.chorus.mixer.video.Tile}s; {@link io.chorus.mixer.video.Fit}
 * works out the {@link io.chorus.mixer.video.Placement} of a picture in its tile (letterbox or
 * crop, never stretched); the {@link io.chorus.mixer.video.Compositor} paints the tiles, pictures,
 * placeholders and name labels onto one {@link io.chorus.mixer.video.I420Picture} canvas that it
 * reuses frame after frame. Pictures live on the Java heap, so composing is array copies the JIT
 * vectorises; only the codecs touch native memory.
 *
 * <p>Threads: the {@code video-<room>} tick arranges and composes; the compositor, its canvas and
 * its cache of rendered names belong to that thread alone. Layouts are immutable values, which a
 * signalling thread swaps by one reference for the next tick to pick up, and any thread may call
 * them; the server's {@code decode} pool threads use {@code Fit} to scale pictures for their tiles.
 * Composing paints the canvas over in place and renders each name once, not per frame; arranging a
 * layout costs a few small objects per tile and tick, no pixels.
 */
package io.chorus.mixer.video;
