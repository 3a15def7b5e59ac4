package io.chorus.signalling.conference;

/**
 * Hears every event of every room: metrics today, webhooks and a node directory tomorrow. Called on
 * whichever thread caused the event (a signalling thread, a transport thread, a mixer tick, a
 * recorder worker), sometimes under the room's lock: hand off, never block, never call back into
 * the room.
 */
@FunctionalInterface
public interface RoomListener {
    void onEvent(Room room, RoomEvent event);
}
