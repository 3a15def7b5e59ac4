package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;


class CertificateFingerprintTest {
    private static final byte[] DATA = "not really a certificate".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sdpValueIsUpperCaseHexPairsJoinedByColons() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 0x11 + 0x0A);
        }
        String value = new CertificateFingerprint("sha-256", bytes).sdpValue();
        assertTrue(value.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), value);
        assertTrue(value.startsWith("0A:1B:2C:3D:4E:5F:70:81:92:A3:B4:C5:D6:E7:F8:09:"), value);
    }

    @ParameterizedTest
    @CsvSource({"sha-1, SHA-1, 20", "sha-224, SHA-224, 28", "sha-256, SHA-256, 32", "sha-384, SHA-384, 48",
            "sha-512, SHA-512, 64", "SHA-256, SHA-256, 32"})
    void computeHashesWithTheNamedFunction(String sdpName, String jcaName, int length) throws Exception {
        CertificateFingerprint fingerprint = CertificateFingerprint.compute(sdpName, DATA);
        assertEquals(sdpName.toLowerCase(), fingerprint.hashFunction());
        assertEquals(length, fingerprint.bytes().length);
        assertArrayEquals(MessageDigest.getInstance(jcaName).digest(DATA), fingerprint.bytes());
        assertTrue(fingerprint.matches(DATA));
        assertFalse(fingerprint.matches("something else".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha-1", "sha-256", "sha-512"})
    void sdpRoundTrip(String hashFunction) throws Exception {
        CertificateFingerprint original = CertificateFingerprint.compute(hashFunction, DATA);
        CertificateFingerprint parsed = CertificateFingerprint.parse(hashFunction, original.sdpValue());
        assertEquals(original, parsed);
        assertEquals(original.hashCode(), parsed.hashCode());
        assertEquals(hashFunction + " " + original.sdpValue(), parsed.toString());
    }

    @Test
    void parseAcceptsLowerCaseHex() throws Exception {
        CertificateFingerprint original = CertificateFingerprint.compute("sha-256", DATA);
        assertEquals(original, CertificateFingerprint.parse("SHA-256", original.sdpValue().toLowerCase()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sha-256 | AB:CD",                       // too short
            "sha-1   | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:",   // trailing colon
            "sha-1   | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:3G",    // not hex
            "sha-1   | 00-11-22-33-44-55-66-77-88-99-AA-BB-CC-DD-EE-FF-00-11-22-33",    // wrong separator
            "sha-1   | 0011:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44",  // misplaced colon
            "md5     | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF",               // unsupported
            "sha-3   | 00"})
    void parseRejectsMalformedValues(String hashFunction, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CertificateFingerprint.parse(hashFunction, value));
        assertTrue(e.getMessage().length() > 10, "a message that says what is wrong: " + e.getMessage());
    }

    @Test
    void constructorChecksTheDigestLength() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateFingerprint("sha-256", new byte[20]));
        assertThrows(IllegalArgumentException.class, () -> new CertificateFingerprint("md5", new byte[16]));
    }

    @Test
    void bytesAreCopied() {
        byte[] bytes = new byte[32];
        CertificateFingerprint fingerprint = new CertificateFingerprint("sha-256", bytes);
        bytes[0] = 1;
        fingerprint.bytes()[1] = 1;
        assertArrayEquals(new byte[32], fingerprint.bytes());
    }

    @Test
    void hashFunctionTakesPartInEquality() {
        assertNotEquals(new CertificateFingerprint("sha-256", new byte[32]),
                new CertificateFingerprint("sha-1", new byte[20]));
        assertNotEquals(CertificateFingerprint.compute("sha-256", DATA), CertificateFingerprint.compute("sha-256",
                "other".getBytes(StandardCharsets.US_ASCII)));
    }
}
