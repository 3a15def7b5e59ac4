package io.chorus.core.feedback;

/**
 * A key frame request to send now.
 *
 * @param method            PLI or FIR (never {@link KeyFrameMethod#NONE})
 * @param firSequenceNumber the FIR command sequence number (RFC 5104 section 4.3.1.1), 0-255;
 *                          0 and meaningless for PLI
 * @param reason            why it is sent
 */
public record KeyFrameRequest(KeyFrameMethod method, int firSequenceNumber, KeyFrameReason reason) {
}
