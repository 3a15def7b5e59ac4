package io.chorus.core.session;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.slf4j.Logger;

/**
 * Counts dropped packets by reason and logs the first of each kind, then every 1000th, so a flood
 * of bad packets is visible without flooding the log.
 */
final class DropCounters {
    private static final long LOG_EVERY = 1000;

    private final AtomicLongArray counts = new AtomicLongArray(DropReason.values().length);
    private final String name;
    private final Logger log;

    DropCounters(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    void drop(DropReason reason, String detail) {
        long n = counts.incrementAndGet(reason.ordinal());
        if (n == 1 || n % LOG_EVERY == 0) {
            log.warn("{}: dropped packet ({}, {} so far): {}", name, reason, n, detail);
        }
    }

    long count(DropReason reason) {
        return counts.get(reason.ordinal());
    }

    Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> map = new EnumMap<>(DropReason.class);
        for (DropReason reason : DropReason.values()) {
            long n = counts.get(reason.ordinal());
            if (n > 0) {
                map.put(reason, n);
            }
        }
        return map;
    }
}
