package io.chorus.signalling.conference;

import java.util.List;

import io.chorus.recorder.file.RecordingResult;

/**
 * What happens in a room, as members and room listeners (the WebSocket protocol, metrics) hear it.
 * Events that concern one participant only ({@link TierChanged}, {@link VideoConstraints}) reach
 * that participant and the room listeners, not the other members.
 */
public sealed interface RoomEvent {

    /** The room exists; room listeners hear this before any other event of the room. */
    record Opened() implements RoomEvent {
    }

    /** The room ended; its members are disconnected after hearing this. */
    record Closed(String reason) implements RoomEvent {
    }

    /** Heard by everybody but the participant itself, which gets its {@link Welcome} instead. */
    record ParticipantJoined(MemberInfo participant) implements RoomEvent {
    }

    record ParticipantUpdated(MemberInfo participant) implements RoomEvent {
    }

    record ParticipantLeft(String participantId, LeaveReason reason) implements RoomEvent {
    }

    /** {@code participantId} null: nobody is speaking. */
    record ActiveSpeaker(String participantId) implements RoomEvent {
    }

    record LayoutChanged(String layout) implements RoomEvent {
    }

    /** A receiver's downstream video moved to another tier (or to audio only). */
    record TierChanged(String participantId, VideoTier tier) implements RoomEvent {
    }

    /** How large the room shows a publisher's camera, so that it sends no more than that. */
    record VideoConstraints(String participantId, PublishConstraints constraints) implements RoomEvent {
    }

    /** A recording started, finished or failed. */
    record RecordingChanged(RecordingStatus recording) implements RoomEvent {
    }

    /** A moderator or the API removed this participant; it hears this, then it is out. */
    record Kicked(String participantId) implements RoomEvent {
    }

    /** The room was locked (only moderators may join) or unlocked. */
    record LockChanged(boolean locked) implements RoomEvent {
    }

    /** A member said something in the room's chat; everybody hears it, the sender too. */
    record Chat(ChatMessage message) implements RoomEvent {
    }

    /**
     * The per-participant files of room recording {@code recordingId} (file {@code roomFile}) are
     * finished; room listeners only (the members heard about the room recording).
     */
    record ParticipantFilesFinished(String recordingId, String roomFile, List<RecordingResult> files)
            implements RoomEvent {
        public ParticipantFilesFinished {
            files = List.copyOf(files);
        }
    }

    /** A broadcast changed state. */
    record BroadcastChanged(BroadcastStatus broadcast) implements RoomEvent {
    }
}
