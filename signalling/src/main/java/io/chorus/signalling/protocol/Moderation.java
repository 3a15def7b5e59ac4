package io.chorus.signalling.protocol;

import io.chorus.signalling.conference.ConferenceException;
import io.chorus.signalling.conference.RecordingStatus;
import io.chorus.signalling.conference.Role;
import io.chorus.signalling.conference.Room;

/**
 * Carries out a member's moderation request in its room, after checking that its role allows it:
 * the same room operations the REST API offers, for a moderator in the call (docs/protocol.md).
 */
public final class Moderation {
    private final ServerMessages messages;
    private final boolean rolesEnforced;

    /**
     * @param rolesEnforced whether joins carry roles (auth on); without them a lock could keep
     *                      nobody out, so it is refused
     */
    public Moderation(ServerMessages messages, boolean rolesEnforced) {
        this.messages = messages;
        this.rolesEnforced = rolesEnforced;
    }

    /** @return the {@code done} reply */
    public String execute(Room room, Role role, ClientMessage.Moderation request)
            throws ProtocolException, ConferenceException {
        if (role != Role.MODERATOR) {
            throw new ProtocolException(ErrorCode.NOT_MODERATOR, "'" + request.type() + "' is for moderators: join "
                    + "with a token whose role is moderator");
        }
        RecordingStatus started = null;
        if (request instanceof ClientMessage.SetLayout layout) {
            room.setLayout(layout.layout().name(), layout.layout().layout());
        } else if (request instanceof ClientMessage.UpdateParticipant update) {
            room.updateMember(update.participant(), update.gainDb(), update.audioMuted(), update.videoMuted());
        } else if (request instanceof ClientMessage.Kick kick) {
            room.kick(kick.participant());
        } else if (request instanceof ClientMessage.Lock lock) {
            if (!rolesEnforced) {
                throw new ProtocolException(ErrorCode.AUTH_DISABLED, "auth is off, so nobody joins with a role and a "
                        + "lock would keep nobody out; locking needs auth.enabled=true");
            }
            room.setLocked(lock.locked());
        } else if (request instanceof ClientMessage.StartRecording start) {
            started = room.startRecording(start.format(), start.participants());
        } else if (request instanceof ClientMessage.StopRecording stop) {
            room.stopRecording(stop.recording());
        }
        return messages.done(request.id(), request.type(), started);
    }
}
