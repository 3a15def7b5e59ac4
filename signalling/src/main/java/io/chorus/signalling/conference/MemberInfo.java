package io.chorus.signalling.conference;

/** A participant as every member sees it: who it is and what it has muted. */
public record MemberInfo(String id, String name, boolean audioMuted, boolean videoMuted) {
}
