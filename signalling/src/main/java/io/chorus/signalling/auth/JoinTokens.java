package io.chorus.signalling.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.signalling.conference.Role;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;

/**
 * Join tokens: JWTs (RFC 7519) signed with HMAC-SHA256 (compact JWS, {@code alg} HS256 and nothing
 * else), so any JWT library can mint them. Claims: {@code room}, {@code name}, {@code exp} (seconds since
 * the epoch), optional {@code nbf}, {@code maxBitrate}, {@code seats} and {@code role}
 * ({@code participant} or {@code moderator}).
 */
public final class JoinTokens {
    /** RFC 7518 section 3.2: an HS256 key must be at least as long as the hash, 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    /** Sessions one token may hold at once, at most. */
    public static final int MAX_SEATS = 1000;
    /** Tolerated difference between the minting machine's clock and ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecretKeySpec key;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public JoinTokens(byte[] secret, Clock clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes, got "
                    + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.clock = clock;
    }

    public String mint(String room, String name, Duration ttl) {
        return signedToken(room, name, ttl, null, 1, Role.PARTICIPANT);
    }

    /** A token that also caps what the participant receives, in bits per second. */
    public String mint(String room, String name, Duration ttl, int maxBitrate) {
        if (maxBitrate <= 0) {
            throw new IllegalArgumentException("maxBitrate must be positive, got " + maxBitrate);
        }
        return signedToken(room, name, ttl, maxBitrate, 1, Role.PARTICIPANT);
    }

    /**
     * A token that {@code seats} sessions may use at once (1: the usual single participant; more
     * for, say, a kiosk whose page may reload before its old session is gone).
     *
     * @param maxBitrate null for no cap
     * @param role       what its holder may do in the room (a moderator's claim is {@code "role":"moderator"})
     */
    public String mint(String room, String name, Duration ttl, Integer maxBitrate, int seats, Role role) {
        if (maxBitrate != null && maxBitrate <= 0) {
            throw new IllegalArgumentException("maxBitrate must be positive, got " + maxBitrate);
        }
        if (seats < 1 || seats > MAX_SEATS) {
            throw new IllegalArgumentException("seats must be 1.." + MAX_SEATS + ", got " + seats);
        }
        return signedToken(room, name, ttl, maxBitrate, seats, role);
    }

    private String signedToken(String room, String name, Duration ttl, Integer maxBitrate, int seats, Role role) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive, got " + ttl);
        }
        ObjectNode claims = mapper.createObjectNode()
                .put("room", room)
                .put("name", name)
                .put("exp", clock.instant().plus(ttl).getEpochSecond());
        if (maxBitrate != null) {
            claims.put("maxBitrate", maxBitrate);
        }
        if (seats != 1) {
            claims.put("seats", seats);
        }
        if (role != Role.PARTICIPANT) {
            claims.put("role", role.wire());
        }
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    /**
     * Checks the token's signature, validity period and that it was issued for this room and name.
     * The signature is checked before any claim is believed.
     */
    public JoinGrant verify(String token, String room, String name) throws ProtocolException {
        if (token == null || token.isBlank()) {
            throw new ProtocolException(ErrorCode.AUTH_REQUIRED, "this server requires a join token ('token' in join)");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("not a signed JWT: expected 3 dot-separated parts, got " + parts.length);
        }
        checkHeader(json(parts[0], "header"));
        byte[] signature = base64(parts[2], "signature");
        byte[] expected = sign(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw invalid("bad signature");
        }
        JsonNode claims = json(parts[1], "payload");
        String tokenRoom = textClaim(claims, "room");
        String tokenName = textClaim(claims, "name");
        Instant expiresAt = Instant.ofEpochSecond(numericDate(claims, "exp"));
        Instant now = clock.instant();
        if (now.isAfter(expiresAt.plus(CLOCK_SKEW))) {
            throw new ProtocolException(ErrorCode.TOKEN_EXPIRED, "token expired at " + expiresAt);
        }
        if (claims.has("nbf")) {
            Instant notBefore = Instant.ofEpochSecond(numericDate(claims, "nbf"));
            if (now.isBefore(notBefore.minus(CLOCK_SKEW))) {
                throw new ProtocolException(ErrorCode.TOKEN_EXPIRED, "token not valid before " + notBefore
                        + " (expires at " + expiresAt + ")");
            }
        }
        if (!tokenRoom.equals(room)) {
            throw new ProtocolException(ErrorCode.TOKEN_MISMATCH, "token is for room '" + tokenRoom + "', not '" + room
                    + "'");
        }
        if (!tokenName.equals(name)) {
            throw new ProtocolException(ErrorCode.TOKEN_MISMATCH, "token is for name '" + tokenName + "', not '" + name
                    + "'");
        }
        // Without a jti the signature names the token: no two tokens share one.
        String seatKey = claims.path("jti").isTextual() ? "jti:" + claims.get("jti").textValue() : "sig:" + parts[2];
        return new JoinGrant(tokenRoom, tokenName, expiresAt, maxBitrate(claims), seatKey, seats(claims),
                role(claims));
    }

    private void checkHeader(JsonNode header) throws ProtocolException {
        JsonNode alg = header.path("alg");
        if (!alg.isTextual()) {
            throw invalid("header has no 'alg'");
        }
        // "none" is named on its own: accepting it would let anyone forge tokens.
        if (alg.textValue().equalsIgnoreCase("none")) {
            throw invalid("unsigned tokens (alg none) are refused");
        }
        if (!alg.textValue().equals("HS256")) {
            throw invalid("alg must be HS256, got " + alg.textValue());
        }
        // RFC 7515 4.1.11: a token marking extensions critical must be refused by one that knows none.
        if (header.has("crit")) {
            throw invalid("header 'crit' extensions are not supported");
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }

    private JsonNode json(String part, String what) throws ProtocolException {
        byte[] bytes = base64(part, what);
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw invalid(what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw invalid(what + " is not a JSON object");
        }
        return node;
    }

    /**
     * RFC 7515 base64url: no padding, and canonical, so each token has exactly one spelling (Java's
     * decoder alone would accept unused trailing bits set).
     */
    private static byte[] base64(String part, String what) throws ProtocolException {
        try {
            byte[] bytes = BASE64URL_DECODER.decode(part);
            if (BASE64URL.encodeToString(bytes).equals(part)) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below, like a non-canonical spelling
        }
        throw invalid(what + " is not base64url");
    }

    private static String textClaim(JsonNode claims, String claim) throws ProtocolException {
        JsonNode node = claims.path(claim);
        if (!node.isTextual()) {
            throw invalid("claim '" + claim + "' must be a string");
        }
        return node.textValue();
    }

    /** RFC 7519 NumericDate: seconds since the epoch, fractions allowed and dropped. */
    private static long numericDate(JsonNode claims, String claim) throws ProtocolException {
        JsonNode node = claims.path(claim);
        if (!node.isNumber() || !node.canConvertToLong()) {
            throw invalid("claim '" + claim + "' must be seconds since the epoch");
        }
        return node.longValue();
    }

    private static int seats(JsonNode claims) throws ProtocolException {
        if (!claims.has("seats")) {
            return 1;
        }
        JsonNode node = claims.get("seats");
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > MAX_SEATS) {
            throw invalid("'seats' must be an integer 1.." + MAX_SEATS);
        }
        return node.intValue();
    }

    private static Role role(JsonNode claims) throws ProtocolException {
        if (!claims.has("role")) {
            return Role.PARTICIPANT;
        }
        JsonNode node = claims.get("role");
        try {
            return Role.parse(node.isTextual() ? node.textValue() : node.toString());
        } catch (IllegalArgumentException e) {
            throw invalid("claim 'role' " + e.getMessage());
        }
    }

    private static Integer maxBitrate(JsonNode claims) throws ProtocolException {
        if (!claims.has("maxBitrate")) {
            return null;
        }
        JsonNode node = claims.get("maxBitrate");
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() <= 0) {
            throw invalid("claim 'maxBitrate' must be a positive integer");
        }
        return node.intValue();
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_TOKEN, message);
    }
}
