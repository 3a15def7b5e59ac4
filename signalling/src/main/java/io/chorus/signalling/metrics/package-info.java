/**
 * {@code /metrics}: the Micrometer registry in the Prometheus text format, with JVM and process
 * meters, and {@link io.chorus.signalling.metrics.RoomMetrics}, a room listener that keeps the
 * rooms' counters and per-room series. Meters are read when scraped (HTTP thread); the listener is
 * called on the rooms' threads and only increments or registers.
 */
package io.chorus.signalling.metrics;
