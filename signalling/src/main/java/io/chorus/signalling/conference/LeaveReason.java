package io.chorus.signalling.conference;

import java.util.Locale;

/** Why a participant is no longer in its room. */
public enum LeaveReason {
    /** The client left or dropped its connection. */
    LEFT,
    /** Its media transport failed after connecting (nothing received for too long, DTLS failure). */
    CONNECTION_FAILED,
    /** It never connected: no offer, or ICE and DTLS did not complete within the connect timeout. */
    NOT_CONNECTED,
    /** The room closed around it. */
    ROOM_CLOSED,
    /** A moderator or the API removed it. */
    KICKED;

    /** As clients and metrics spell it: {@code not-connected}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
