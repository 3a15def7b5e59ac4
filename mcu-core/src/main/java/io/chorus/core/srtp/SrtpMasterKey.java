package io.chorus.core.srtp;

import java.util.Arrays;

/**
 * One direction's SRTP master key and master salt, from which {@link SrtpContext} derives the
 * session keys. Holds private copies so a caller wiping or reusing its buffers cannot change it.
 */
public final class SrtpMasterKey {
    private final byte[] key;
    private final byte[] salt;

    public SrtpMasterKey(byte[] key, byte[] salt) {
        this.key = key.clone();
        this.salt = salt.clone();
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] salt() {
        return salt.clone();
    }

    /** True if the lengths are the ones {@code profile} requires. */
    public boolean fits(SrtpProfile profile) {
        return key.length == profile.masterKeyLength() && salt.length == profile.masterSaltLength();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpMasterKey that && Arrays.equals(key, that.key) && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    /** Deliberately omits the key material so it never reaches a log. */
    @Override
    public String toString() {
        return "SrtpMasterKey[" + key.length + "-byte key, " + salt.length + "-byte salt]";
    }
}
