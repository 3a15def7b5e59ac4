package io.chorus.signalling.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyCheckTest {
    private final ApiKeyCheck check = new ApiKeyCheck("s3cret-api-key");

    @ParameterizedTest
    @ValueSource(strings = {"Bearer s3cret-api-key", "bearer s3cret-api-key", "BEARER s3cret-api-key"})
    void allowsTheKeyWithTheBearerSchemeInAnyCase(String header) {
        assertTrue(check.allows(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bearer s3cret-api-keY",   // same length, last byte differs
            "Bearer s3cret-api-ke",    // a prefix
            "Bearer s3cret-api-key2",  // longer
            "Bearer S3CRET-API-KEY",   // the key itself is case-sensitive
            "Bearer  s3cret-api-key",  // no trimming: the key is exactly what follows "Bearer "
            "Bearer ",
            "s3cret-api-key",          // no scheme
            "Basic s3cret-api-key",
            "Bearers3cret-api-key",
            ""})
    void refusesAnythingElse(String header) {
        assertFalse(check.allows(header));
    }

    @Test
    void refusesAMissingHeader() {
        assertFalse(check.allows(null));
    }

    @Test
    void needsAKey() {
        assertThrows(IllegalArgumentException.class, () -> new ApiKeyCheck(""));
        assertThrows(IllegalArgumentException.class, () -> new ApiKeyCheck(null));
    }
}
