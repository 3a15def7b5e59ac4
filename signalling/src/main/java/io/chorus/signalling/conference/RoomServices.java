package io.chorus.signalling.conference;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every room shares: where media sessions come from, the decode pool (all rooms' decoders),
 * the sender pool (packetizing and SRTP of mixed frames, and RTCP requests, off the tick threads),
 * one timer thread for grace periods and work that must leave the caller's thread, and the file
 * workers that finish the files of participants who left (disk I/O that may stall, so never on a
 * signalling or transport thread, and never under a room's lock).
 */
record RoomServices(MediaSessions sessions, Executor decodePool, Executor sendPool, ScheduledExecutorService timers,
        Executor fileWork) {
}
