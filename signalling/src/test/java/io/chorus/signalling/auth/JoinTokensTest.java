package io.chorus.signalling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chorus.signalling.conference.Role;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;

class JoinTokensTest {
    private static final byte[] SECRET = "chorus-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant EXP = Instant.ofEpochSecond(1893456000);
    private static final Instant MINTED = EXP.minusSeconds(600);

    /*
     * Vectors computed outside Java, with the same secret:
     *   b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
     *   h=$(printf '%s' "$HEADER" | b64url); p=$(printf '%s' "$PAYLOAD" | b64url)
     *   printf '%s' "$h.$p" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url
     */
    /** {"alg":"HS256","typ":"JWT"} . {"room":"standup","name":"Ada Lovelace","exp":1893456000} */
    private static final String OPENSSL_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJyb29tIjoic3RhbmR1cCIsIm5hbWUiOiJBZGEgTG92ZWxhY2UiLCJleHAiOjE4OTM0NTYwMDB9"
            + ".HZNBoefGq0p3UYg7SDG0EVTZRwhOBcKXDGoHpcY7aS0";
    /** The same with ,"maxBitrate":500000 after exp. */
    private static final String OPENSSL_TOKEN_WITH_BITRATE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJyb29tIjoic3RhbmR1cCIsIm5hbWUiOiJBZGEgTG92ZWxhY2UiLCJleHAiOjE4OTM0NTYwMDAsIm1heEJpdHJhdGUiOjUwMDAwMH0"
            + ".gwLng0FNzJxiICx0Fwd74XI0BoUfoH0VqGISAiwH4Q8";
    /**
     * {"typ":"JWT","alg":"HS256"} . {"iss":"booking-service","exp":1893456000,"nbf":1893452400,
     * "maxBitrate":500000,"name":"Ada Lovelace","room":"standup"}: another library's order, an extra claim.
     */
    private static final String OPENSSL_TOKEN_OTHER_ORDER = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9"
            + ".eyJpc3MiOiJib29raW5nLXNlcnZpY2UiLCJleHAiOjE4OTM0NTYwMDAsIm5iZiI6MTg5MzQ1MjQwMCwibWF4Qml0cmF0ZSI6NTAwMDAw"
            + "LCJuYW1lIjoiQWRhIExvdmVsYWNlIiwicm9vbSI6InN0YW5kdXAifQ"
            + ".6QmMzWNQk2Uk7soN74PFqSRD29101d8AO8I3utb8W98";

    private static JoinTokens at(Instant now) {
        return new JoinTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ErrorCode failure(JoinTokens tokens, String token, String room, String name, String message) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> tokens.verify(token, room, name));
        assertEquals(message, e.getMessage());
        return e.code();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mintsExactlyWhatOpensslComputes() {
        assertEquals(OPENSSL_TOKEN, at(MINTED).mint("standup", "Ada Lovelace", Duration.ofSeconds(600)));
        assertEquals(OPENSSL_TOKEN_WITH_BITRATE,
                at(MINTED).mint("standup", "Ada Lovelace", Duration.ofSeconds(600), 500000));
    }

    @Test
    void roundTrip() throws Exception {
        JoinTokens tokens = at(MINTED);
        String plain = tokens.mint("standup", "Ada Lovelace", Duration.ofMinutes(10));
        assertEquals(new JoinGrant("standup", "Ada Lovelace", EXP, null, seatKey(plain), 1, Role.PARTICIPANT),
                tokens.verify(plain, "standup", "Ada Lovelace"));
        String capped = tokens.mint("standup", "Ada Lovelace", Duration.ofMinutes(10), 500000);
        assertEquals(new JoinGrant("standup", "Ada Lovelace", EXP, 500000, seatKey(capped), 1, Role.PARTICIPANT),
                tokens.verify(capped, "standup", "Ada Lovelace"));
        String shared = tokens.mint("standup", "Ada Lovelace", Duration.ofMinutes(10), null, 3, Role.PARTICIPANT);
        assertEquals(new JoinGrant("standup", "Ada Lovelace", EXP, null, seatKey(shared), 3, Role.PARTICIPANT),
                tokens.verify(shared, "standup", "Ada Lovelace"));
        String moderator = tokens.mint("standup", "Ada Lovelace", Duration.ofMinutes(10), null, 1, Role.MODERATOR);
        assertEquals(new JoinGrant("standup", "Ada Lovelace", EXP, null, seatKey(moderator), 1, Role.MODERATOR),
                tokens.verify(moderator, "standup", "Ada Lovelace"));
    }

    @Test
    void acceptsTokensFromOtherLibraries() throws Exception {
        assertEquals(new JoinGrant("standup", "Ada Lovelace", EXP, 500000, seatKey(OPENSSL_TOKEN_OTHER_ORDER), 1, Role.PARTICIPANT),
                at(MINTED).verify(OPENSSL_TOKEN_OTHER_ORDER, "standup", "Ada Lovelace"));
    }

    @Test
    void seatsAreTakenUpToTheTokensCountAndGivenBackOnce() throws Exception {
        JoinTokens tokens = at(MINTED);
        TokenSeats seats = new TokenSeats();
        JoinGrant single = tokens.verify(tokens.mint("r", "Ada", Duration.ofMinutes(10)), "r", "Ada");
        TokenSeats.Seat first = seats.take(single);
        ProtocolException inUse = assertThrows(ProtocolException.class, () -> seats.take(single));
        assertEquals(ErrorCode.TOKEN_IN_USE, inUse.code());
        first.release();
        first.release();
        TokenSeats.Seat again = seats.take(single);
        assertThrows(ProtocolException.class, () -> seats.take(single), "a double release freed one seat only");
        again.release();
        JoinGrant three = tokens.verify(tokens.mint("r", "Ada", Duration.ofMinutes(10), null, 3, Role.PARTICIPANT), "r", "Ada");
        for (int i = 0; i < 3; i++) {
            seats.take(three);
        }
        assertThrows(ProtocolException.class, () -> seats.take(three));
        assertEquals(1, seats.tokensInUse(), "the single-seat token holds nothing now");
    }

    private static String seatKey(String token) {
        return "sig:" + token.substring(token.lastIndexOf('.') + 1);
    }

    @Test
    void rfc7515AppendixA1SignatureIsAccepted() {
        // RFC 7515 A.1: its HS256 key and token. The signature must pass; the token then fails only for
        // lacking Chorus's claims. Flipping one signature bit must fail on the signature instead.
        byte[] key = Base64.getUrlDecoder().decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        JoinTokens tokens = new JoinTokens(key, Clock.fixed(Instant.ofEpochSecond(1300819000), ZoneOffset.UTC));
        String input = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        assertEquals(ErrorCode.INVALID_TOKEN, failure(tokens, input + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "r", "n", "claim 'room' must be a string"));
        assertEquals(ErrorCode.INVALID_TOKEN, failure(tokens, input + ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXg",
                "r", "n", "bad signature"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void missingTokenMeansAuthRequired(String token) {
        assertEquals(ErrorCode.AUTH_REQUIRED, failure(at(MINTED), token, "standup", "Ada Lovelace",
                "this server requires a join token ('token' in join)"));
        assertEquals(ErrorCode.AUTH_REQUIRED, failure(at(MINTED), null, "standup", "Ada Lovelace",
                "this server requires a join token ('token' in join)"));
    }

    @Test
    void malformedTokensAreInvalid() {
        JoinTokens tokens = at(MINTED);
        String[] parts = OPENSSL_TOKEN.split("\\.");
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        String[][] cases = {
                {"abc", "not a signed JWT: expected 3 dot-separated parts, got 1"},
                {header + "." + payload, "not a signed JWT: expected 3 dot-separated parts, got 2"},
                {OPENSSL_TOKEN + ".x", "not a signed JWT: expected 3 dot-separated parts, got 4"},
                {"e$J." + payload + "." + signature, "header is not base64url"},
                {b64("{\"alg\":") + "." + payload + "." + signature, "header is not JSON"},
                {b64("[1]") + "." + payload + "." + signature, "header is not a JSON object"},
                {b64("{\"typ\":\"JWT\"}") + "." + payload + "." + signature, "header has no 'alg'"},
                {b64("{\"alg\":\"HS512\"}") + "." + payload + "." + signature, "alg must be HS256, got HS512"},
                {b64("{\"alg\":\"HS256\",\"crit\":[\"b64\"]}") + "." + payload + "." + signature,
                        "header 'crit' extensions are not supported"},
                {header + "." + payload + ".not*base64", "signature is not base64url"},
                {header + "." + payload + "." + signature.substring(0, 20), "bad signature"},
        };
        for (String[] c : cases) {
            assertEquals(ErrorCode.INVALID_TOKEN, failure(tokens, c[0], "standup", "Ada Lovelace", c[1]), c[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE"})
    void unsignedTokensAreRefused(String alg) {
        String[] parts = OPENSSL_TOKEN.split("\\.");
        String unsigned = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertEquals(ErrorCode.INVALID_TOKEN, failure(at(MINTED), unsigned, "standup", "Ada Lovelace",
                "unsigned tokens (alg none) are refused"));
        assertEquals(ErrorCode.INVALID_TOKEN, failure(at(MINTED), unsigned + parts[2], "standup", "Ada Lovelace",
                "unsigned tokens (alg none) are refused"));
    }

    @Test
    void tamperedPayloadFailsTheSignature() {
        String[] parts = OPENSSL_TOKEN.split("\\.");
        String otherRoom = b64("{\"room\":\"board\",\"name\":\"Ada Lovelace\",\"exp\":1893456000}");
        assertEquals(ErrorCode.INVALID_TOKEN, failure(at(MINTED), parts[0] + "." + otherRoom + "." + parts[2], "board",
                "Ada Lovelace", "bad signature"));
        String signatureChanged = parts[0] + "." + parts[1] + ".A" + parts[2].substring(1);
        assertEquals(ErrorCode.INVALID_TOKEN, failure(at(MINTED), signatureChanged, "standup", "Ada Lovelace",
                "bad signature"));
        // The last character carries 4 signature bits and 2 unused ones: setting an unused bit must not pass.
        String unusedBitSet = OPENSSL_TOKEN.substring(0, OPENSSL_TOKEN.length() - 1) + "1";
        assertEquals(ErrorCode.INVALID_TOKEN, failure(at(MINTED), unusedBitSet, "standup", "Ada Lovelace",
                "signature is not base64url"));
        assertEquals(ErrorCode.INVALID_TOKEN, failure(at(MINTED), OPENSSL_TOKEN + "=", "standup", "Ada Lovelace",
                "signature is not base64url"));
        JoinTokens otherSecret = new JoinTokens("another-secret-0123456789abcdef-xyz".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(MINTED, ZoneOffset.UTC));
        assertEquals(ErrorCode.INVALID_TOKEN, failure(otherSecret, OPENSSL_TOKEN, "standup", "Ada Lovelace",
                "bad signature"));
    }

    @Test
    void claimsOfTheWrongShapeAreInvalid() {
        JoinTokens tokens = at(MINTED);
        String[][] cases = {
                {"[]", "payload is not a JSON object"},
                {"{\"name\":\"Ada Lovelace\",\"exp\":1893456000}", "claim 'room' must be a string"},
                {"{\"room\":7,\"name\":\"Ada Lovelace\",\"exp\":1893456000}", "claim 'room' must be a string"},
                {"{\"room\":\"standup\",\"exp\":1893456000}", "claim 'name' must be a string"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\"}", "claim 'exp' must be seconds since the epoch"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\",\"exp\":\"soon\"}",
                        "claim 'exp' must be seconds since the epoch"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\",\"exp\":1893456000,\"nbf\":true}",
                        "claim 'nbf' must be seconds since the epoch"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\",\"exp\":1893456000,\"maxBitrate\":\"fast\"}",
                        "claim 'maxBitrate' must be a positive integer"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\",\"exp\":1893456000,\"maxBitrate\":0}",
                        "claim 'maxBitrate' must be a positive integer"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\",\"exp\":1893456000,\"role\":\"admin\"}",
                        "claim 'role' must be participant or moderator, got 'admin'"},
                {"{\"room\":\"standup\",\"name\":\"Ada Lovelace\",\"exp\":1893456000,\"role\":1}",
                        "claim 'role' must be participant or moderator, got '1'"},
        };
        for (String[] c : cases) {
            assertEquals(ErrorCode.INVALID_TOKEN, failure(tokens, signed(c[0]), "standup", "Ada Lovelace", c[1]), c[1]);
        }
    }

    /** A correctly signed token with any payload, as a careless issuer might mint it. */
    private static String signed(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void expiryAllowsThirtySecondsOfClockSkew() throws Exception {
        assertEquals(EXP, at(EXP.plusSeconds(30)).verify(OPENSSL_TOKEN, "standup", "Ada Lovelace").expiresAt());
        assertEquals(ErrorCode.TOKEN_EXPIRED, failure(at(EXP.plusSeconds(31)), OPENSSL_TOKEN, "standup",
                "Ada Lovelace", "token expired at 2030-01-01T00:00:00Z"));
    }

    @Test
    void notBeforeAllowsThirtySecondsOfClockSkew() throws Exception {
        Instant nbf = Instant.ofEpochSecond(1893452400);
        assertEquals(500000, at(nbf.minusSeconds(30)).verify(OPENSSL_TOKEN_OTHER_ORDER, "standup", "Ada Lovelace")
                .maxBitrate());
        assertEquals(ErrorCode.TOKEN_EXPIRED, failure(at(nbf.minusSeconds(31)), OPENSSL_TOKEN_OTHER_ORDER, "standup",
                "Ada Lovelace", "token not valid before 2029-12-31T23:00:00Z (expires at 2030-01-01T00:00:00Z)"));
    }

    @Test
    void roomAndNameMustMatch() {
        assertEquals(ErrorCode.TOKEN_MISMATCH, failure(at(MINTED), OPENSSL_TOKEN, "board", "Ada Lovelace",
                "token is for room 'standup', not 'board'"));
        assertEquals(ErrorCode.TOKEN_MISMATCH, failure(at(MINTED), OPENSSL_TOKEN, "standup", "Grace Hopper",
                "token is for name 'Ada Lovelace', not 'Grace Hopper'"));
    }

    @Test
    void refusesShortSecretsAndPointlessTokens() {
        assertEquals("an HS256 secret needs at least 32 bytes, got 31", assertThrows(IllegalArgumentException.class,
                () -> new JoinTokens(new byte[31], Clock.systemUTC())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> at(MINTED).mint("r", "n", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> at(MINTED).mint("r", "n", Duration.ofMinutes(1), 0));
    }

    @Test
    void grantWithoutBitrateHasNull() throws Exception {
        assertNull(at(MINTED).verify(OPENSSL_TOKEN, "standup", "Ada Lovelace").maxBitrate());
    }
}
