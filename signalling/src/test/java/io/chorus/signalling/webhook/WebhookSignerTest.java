package io.chorus.signalling.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The Standard Webhooks specification's own example, so its receiver libraries accept ours. */
    @Test
    void matchesTheStandardWebhooksExample() {
        WebhookSigner signer = new WebhookSigner(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signer.signature(
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)));
    }

    /** The delivery shown in docs/webhooks.md is one a receiver following that page accepts. */
    @Test
    void theDocumentedDeliveryIsSignedAsShown() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "webhooks.md"));
        Matcher example = Pattern.compile("signed with the secret `([^`]+)`.*?webhook-id: (\\S+)\\n"
                + "webhook-timestamp: (\\d+)\\nwebhook-signature: (\\S+)\\n\\n(\\{.*?\\})\\n```", Pattern.DOTALL)
                .matcher(doc);
        assertTrue(example.find(), "docs/webhooks.md shows a signed delivery");
        WebhookSigner signer = new WebhookSigner(example.group(1).getBytes(StandardCharsets.UTF_8));
        assertEquals(example.group(4), signer.signature(example.group(2), Long.parseLong(example.group(3)),
                example.group(5).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theIdAndTheTimestampAreSigned() {
        WebhookSigner signer = new WebhookSigner("a-webhook-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = signer.signature("evt_1", 1_700_000_000L, body);
        assertNotEquals(signature, signer.signature("evt_2", 1_700_000_000L, body));
        assertNotEquals(signature, signer.signature("evt_1", 1_700_000_001L, body));
    }
}
