package io.chorus.signalling.conference;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every room shares: where media sessions come from, the decode pool (all rooms' decoders),
 * the sender pool (packetizing and SRTP of mixed frames, and RTCP requests, off the tick threads),
 * and one timer thread for grace periods and work that must leave the caller's thread.
 */
record RoomServices(MediaSessions sessions, Executor decodePool, Executor sendPool, ScheduledExecutorService timers) {
}
