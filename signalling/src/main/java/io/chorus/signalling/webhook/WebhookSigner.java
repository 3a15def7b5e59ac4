package io.chorus.signalling.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery as the Standard Webhooks scheme does: HMAC-SHA256 over
 * {@code id.timestamp.body}, sent as {@code webhook-signature: v1,<base64>}. Signing the timestamp
 * with the body lets a receiver refuse an old delivery replayed by whoever captured it; signing the
 * id lets it drop a retry it has already handled.
 */
final class WebhookSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param key the HMAC key: the configured secret's UTF-8 bytes */
    WebhookSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The {@code webhook-signature} header's value for one attempt. */
    String signature(String id, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((id + "." + epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime provides " + ALGORITHM, e);
        }
    }
}
