package io.chorus.core.sdp;

import java.util.Objects;

/** An ICE username fragment and password (RFC 8839 section 5.4). */
public record IceCredentials(String ufrag, String password) {

    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
    }
}
