package io.chorus.signalling.conference;

import java.util.List;

/**
 * Everything a participant learns about the room when it is admitted, taken under the room's lock
 * so that it and the events that follow it form one consistent story.
 *
 * @param layout        null for a room without one (the echo room)
 * @param activeSpeaker null when nobody speaks
 * @param tier          the downstream tier it starts on; null where there is none (the echo room)
 */
public record Welcome(String room, String participant, List<MemberInfo> participants, String layout,
        String activeSpeaker, VideoTier tier, List<RecordingStatus> recordings, List<BroadcastStatus> broadcasts,
        Role role, boolean locked, List<ChatMessage> chat) {
    public Welcome {
        participants = List.copyOf(participants);
        chat = List.copyOf(chat);
        recordings = List.copyOf(recordings);
        broadcasts = List.copyOf(broadcasts);
    }
}
