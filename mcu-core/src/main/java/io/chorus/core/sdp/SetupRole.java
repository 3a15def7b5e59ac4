package io.chorus.core.sdp;

import java.util.Locale;

/** The {@code a=setup} value of RFC 4145, which decides the DTLS client and server (RFC 5763 section 5). */
public enum SetupRole {
    ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

    public String sdpValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SetupRole parse(String value) throws SdpException {
        for (SetupRole role : values()) {
            if (role.sdpValue().equals(value)) {
                return role;
            }
        }
        throw new SdpException("unknown setup role '" + value + "'");
    }
}
