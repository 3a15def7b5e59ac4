package io.chorus.signalling.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Checks the REST API's {@code Authorization: Bearer <key>} header. */
public final class ApiKeyCheck {
    private static final String SCHEME = "Bearer ";

    private final byte[] keyDigest;

    public ApiKeyCheck(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("an API key is required");
        }
        this.keyDigest = sha256(apiKey);
    }

    public boolean allows(String authorizationHeaderValue) {
        if (authorizationHeaderValue == null
                || !authorizationHeaderValue.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        // Comparing fixed-length digests in constant time hides both the key's content and its length.
        return MessageDigest.isEqual(keyDigest, sha256(authorizationHeaderValue.substring(SCHEME.length())));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
