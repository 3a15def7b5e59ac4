package io.chorus.core.sdp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A certificate fingerprint, RFC 8122 section 5: {@code a=fingerprint:<hash-func> <hex pairs joined by ':'>}.
 * The bytes are copied in and out, so an instance can be shared freely.
 */
public record Fingerprint(String algorithm, byte[] value) {
    /** Digest sizes of the hash functions RFC 8122 names, to catch truncated fingerprints early. */
    private static final Map<String, Integer> DIGEST_LENGTHS = Map.of(
            "md2", 16, "md5", 16, "sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);

    public Fingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        value = value.clone();
    }

    public static Fingerprint sha256(byte[] digest) {
        return new Fingerprint("sha-256", digest);
    }

    /** Parses the attribute value, e.g. {@code sha-256 0F:A1:...}. */
    public static Fingerprint parse(String attributeValue) throws SdpException {
        String[] parts = attributeValue.trim().split(" +");
        if (parts.length != 2) {
            throw new SdpException("expected '<hash-function> <hex>' but got '" + attributeValue + "'");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        String[] pairs = parts[1].split(":", -1);
        byte[] bytes = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i].length() != 2 || !isHex(pairs[i].charAt(0)) || !isHex(pairs[i].charAt(1))) {
                throw new SdpException("fingerprint byte " + (i + 1) + " is not two hex digits: '" + pairs[i] + "'");
            }
            bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        Integer expected = DIGEST_LENGTHS.get(algorithm);
        if (expected != null && expected != bytes.length) {
            throw new SdpException(algorithm + " fingerprint needs " + expected + " bytes, has " + bytes.length);
        }
        return new Fingerprint(algorithm, bytes);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The attribute value in the upper-case form browsers write. */
    public String toSdpValue() {
        return algorithm + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && algorithm.equals(that.algorithm)
                && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toSdpValue();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
