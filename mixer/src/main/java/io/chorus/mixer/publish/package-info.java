/**
 * What the room needs from each publisher's camera, so that nobody sends 720p into a thumbnail.
 *
 * <p>{@link io.chorus.mixer.publish.TileDemand} turns the current layout's tiles into a
 * {@link io.chorus.mixer.publish.VideoDemand} per participant: the box the largest output shows the
 * input in, and the room's frame rate. {@link io.chorus.mixer.publish.DemandHysteresis} keeps a
 * publisher from being re-configured back and forth: bigger demands go out at once, smaller ones only
 * once they have held. {@link io.chorus.mixer.publish.RoomDemands} ties the two together for one room
 * and remembers what was last published.
 *
 * <p>Threads: the room's video tick thread is the only one that computes or updates demands; it
 * hands each change to {@code MixerEvents.onVideoDemand}. {@link io.chorus.mixer.publish.RoomDemands#latest}
 * is the one method any thread may call (the REST view, tests). Nothing here reads a clock: the
 * tick passes its own media time in, so the hold time is deterministic in tests.
 *
 * <p>Turning a demand into a {@code video-constraints} message and a REMB estimate is the signalling
 * layer's job; this package only says what is needed.
 */
package io.chorus.mixer.publish;
