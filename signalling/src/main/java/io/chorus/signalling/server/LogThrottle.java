package io.chorus.signalling.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Says which occurrences of a repeated refusal to log: the 1st, 2nd, 4th, 8th... A stranger can
 * make the server refuse as fast as they can send, and a log line per refusal would turn their
 * upload into the server's disk writes.
 */
final class LogThrottle {
    private final AtomicLong count = new AtomicLong();

    /** Counts one occurrence; true when this one should be logged. */
    boolean next() {
        return Long.bitCount(count.incrementAndGet()) == 1;
    }

    long count() {
        return count.get();
    }
}
