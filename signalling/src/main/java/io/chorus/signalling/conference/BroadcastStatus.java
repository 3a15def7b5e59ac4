package io.chorus.signalling.conference;

/**
 * A broadcast as members and the API see it.
 *
 * @param url    the RTMP(S) URL with its stream key masked
 * @param state  {@code connecting}, {@code live}, {@code reconnecting}, {@code stopped} or {@code failed}
 * @param detail what went wrong, or what is going on; empty when there is nothing to say
 */
public record BroadcastStatus(String id, String url, String state, String detail, int failures) {
}
