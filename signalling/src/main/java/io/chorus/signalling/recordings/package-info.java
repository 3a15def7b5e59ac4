/**
 * The recordings that outlive their rooms: {@link io.chorus.signalling.recordings.RecordingCatalog}
 * keeps every room recording of the recording directory (a JSON sidecar beside each file), for the
 * REST API to list, serve and delete.
 *
 * <p>Threads: rooms' threads report recordings starting and ending through {@code onEvent}, which
 * only updates a map and queues the disk work; the {@code recording-catalog} thread does that work
 * (sizes, sidecars, deletions) in order; REST handler threads read the map and wait for a deletion.
 */
package io.chorus.signalling.recordings;
