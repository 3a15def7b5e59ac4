package io.chorus.core.srtp;

/**
 * Keys derived for one of SRTP or SRTCP. {@code authKey} is empty for the AEAD profile. Kept
 * separate from the master key because the RFC 7714 vectors publish session keys directly.
 */
record SessionKeys(byte[] encryptionKey, byte[] salt, byte[] authKey) {
}
