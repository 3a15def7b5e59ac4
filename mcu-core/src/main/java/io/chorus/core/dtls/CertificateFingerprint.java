package io.chorus.core.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;


/**
 * A certificate fingerprint as carried by the SDP {@code a=fingerprint} attribute (RFC 8122 5): a hash
 * function name from the IANA "Hash Function Textual Names" registry and the digest of the DER
 * certificate, written as upper-case hex pairs joined by colons. WebRTC authenticates DTLS peers by
 * this value alone (RFC 8827 6.5), so it is compared in constant time.
 */
public final class CertificateFingerprint {
    /** The hash functions RFC 8122 allows, minus MD2 and MD5 which no browser uses any more. */
    private enum HashFunction {
        SHA_1("sha-1", "SHA-1", 20),
        SHA_224("sha-224", "SHA-224", 28),
        SHA_256("sha-256", "SHA-256", 32),
        SHA_384("sha-384", "SHA-384", 48),
        SHA_512("sha-512", "SHA-512", 64);

        final String sdpName;
        final String jcaName;
        final int length;

        HashFunction(String sdpName, String jcaName, int length) {
            this.sdpName = sdpName;
            this.jcaName = jcaName;
            this.length = length;
        }

        static HashFunction bySdpName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (HashFunction f : values()) {
                if (f.sdpName.equals(lower)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unsupported fingerprint hash function '" + name
                    + "' (supported: sha-1, sha-224, sha-256, sha-384, sha-512)");
        }

        byte[] digest(byte[] data) {
            try {
                return MessageDigest.getInstance(jcaName).digest(data);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime must provide " + jcaName, e);
            }
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final HashFunction hashFunction;
    private final byte[] bytes;

    /**
     * @param hashFunction SDP name of the hash function, e.g. "sha-256" (case-insensitive)
     * @param bytes        the digest; its length must be that hash function's output length
     * @throws IllegalArgumentException for an unsupported hash function or a wrong digest length
     */
    public CertificateFingerprint(String hashFunction, byte[] bytes) {
        this.hashFunction = HashFunction.bySdpName(Objects.requireNonNull(hashFunction, "hashFunction"));
        if (bytes.length != this.hashFunction.length) {
            throw new IllegalArgumentException(this.hashFunction.sdpName + " fingerprint must be "
                    + this.hashFunction.length + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** The fingerprint of a DER-encoded certificate under the named hash function. */
    public static CertificateFingerprint compute(String hashFunction, byte[] certificateDer) {
        HashFunction function = HashFunction.bySdpName(hashFunction);
        return new CertificateFingerprint(function.sdpName, function.digest(certificateDer));
    }

    /**
     * Parses the two tokens of {@code a=fingerprint:<hash-func> <fingerprint>}. Lower-case hex is
     * accepted although RFC 8122 asks for upper case, because some endpoints send it.
     */
    public static CertificateFingerprint parse(String hashFunction, String value) {
        HashFunction function;
        function = HashFunction.bySdpName(hashFunction);
        int expectedChars = function.length * 3 - 1;
        if (value.length() != expectedChars) {
            throw new IllegalArgumentException("" + function.sdpName + " value must be " + function.length
                    + " colon-separated hex pairs (" + expectedChars + " characters), got " + value.length()
                    + " characters");
        }
        byte[] digest = new byte[function.length];
        for (int i = 0; i < function.length; i++) {
            int at = i * 3;
            int high = Character.digit(value.charAt(at), 16);
            int low = Character.digit(value.charAt(at + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("'" + value.substring(at, at + 2) + "' at character " + at
                        + " is not a hex pair");
            }
            if (i + 1 < function.length && value.charAt(at + 2) != ':') {
                throw new IllegalArgumentException("expected ':' at character " + (at + 2));
            }
            digest[i] = (byte) (high << 4 | low);
        }
        return new CertificateFingerprint(function.sdpName, digest);
    }

    /** The whole {@code a=fingerprint} attribute value, e.g. "sha-256 AB:CD:...". */
    public String sdpAttributeValue() {
        return hashFunction() + " " + sdpValue();
    }

    /** The SDP hash function name, lower case, e.g. "sha-256". */
    public String hashFunction() {
        return hashFunction.sdpName;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The value for {@code a=fingerprint}, e.g. "AB:CD:...". */
    public String sdpValue() {
        char[] out = new char[bytes.length * 3 - 1];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            out[i * 3] = HEX[b >>> 4];
            out[i * 3 + 1] = HEX[b & 0x0F];
            if (i + 1 < bytes.length) {
                out[i * 3 + 2] = ':';
            }
        }
        return new String(out);
    }

    /** Whether the DER certificate hashes to this fingerprint under this fingerprint's hash function. */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(bytes, hashFunction.digest(certificateDer));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint other && hashFunction == other.hashFunction
                && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * hashFunction.hashCode() + Arrays.hashCode(bytes);
    }

    /** The full attribute value, "sha-256 AB:CD:...". */
    @Override
    public String toString() {
        return hashFunction.sdpName + " " + sdpValue();
    }
}
