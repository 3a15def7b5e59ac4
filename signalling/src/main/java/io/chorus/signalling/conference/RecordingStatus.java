package io.chorus.signalling.conference;

/**
 * A room recording as members and the API see it.
 *
 * @param state   {@code recording}, {@code finished} or {@code failed}
 * @param error   null unless it failed
 */
public record RecordingStatus(String id, String format, String file, String state, long durationMs, String error) {
}
