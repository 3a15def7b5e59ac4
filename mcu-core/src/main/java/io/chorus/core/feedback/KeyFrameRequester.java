package io.chorus.core.feedback;

import java.util.Optional;

/**
 * Decides when to ask the sender of one incoming video stream for a key frame. Not thread-safe:
 * one per stream.
 *
 * <p>Requests are sent at most once per {@code minIntervalMs}: the sender needs time to encode
 * and deliver the key frame, and every request it receives meanwhile would only cost another one.
 * A request suppressed that way is not lost, since the one that went out is already being served.
 * When no key frame arrives within {@code retryAfterMs} of a request, the request itself or the key
 * frame was probably lost, and {@link #retryIfOverdue} asks again.
 *
 * <p>Each FIR carries a new command sequence number, retries included: RFC 5104 lets a sender
 * ignore a FIR whose number it has already served, and a retry is sent precisely because that key
 * frame never arrived.
 */
public final class KeyFrameRequester {
    public static final long DEFAULT_MIN_INTERVAL_MS = 300;
    public static final long DEFAULT_RETRY_AFTER_MS = 1000;

    private final KeyFrameMethod method;
    private final long minIntervalMs;
    private final long retryAfterMs;
    private boolean awaitingKeyFrame;
    private boolean sentBefore;
    private long lastSentAtMs;
    private int nextFirSequenceNumber;
    private long sentCount;
    private long suppressedCount;

    public KeyFrameRequester(KeyFrameMethod method) {
        this(method, DEFAULT_MIN_INTERVAL_MS, DEFAULT_RETRY_AFTER_MS);
    }

    public KeyFrameRequester(KeyFrameMethod method, long minIntervalMs, long retryAfterMs) {
        if (minIntervalMs < 0 || retryAfterMs < minIntervalMs) {
            throw new IllegalArgumentException("need 0 <= minIntervalMs <= retryAfterMs; got "
                    + minIntervalMs + ", " + retryAfterMs);
        }
        this.method = method;
        this.minIntervalMs = minIntervalMs;
        this.retryAfterMs = retryAfterMs;
    }

    /** Asks for a key frame; returns the request to send now, or empty when rate limited or unsupported. */
    public Optional<KeyFrameRequest> request(KeyFrameReason reason, long nowMs) {
        if (method == KeyFrameMethod.NONE) {
            return Optional.empty();
        }
        awaitingKeyFrame = true;
        if (sentBefore && nowMs - lastSentAtMs < minIntervalMs) {
            suppressedCount++;
            return Optional.empty();
        }
        return Optional.of(send(reason, nowMs));
    }

    /** Call periodically: repeats the request when the key frame asked for is overdue. */
    public Optional<KeyFrameRequest> retryIfOverdue(long nowMs) {
        if (!awaitingKeyFrame || nowMs - lastSentAtMs < retryAfterMs) {
            return Optional.empty();
        }
        return Optional.of(send(KeyFrameReason.RETRY, nowMs));
    }

    /** A key frame arrived: nothing is awaited any more. */
    public void onKeyFrame() {
        awaitingKeyFrame = false;
    }

    public KeyFrameMethod method() {
        return method;
    }

    public boolean awaitingKeyFrame() {
        return awaitingKeyFrame;
    }

    public long sentCount() {
        return sentCount;
    }

    public long suppressedCount() {
        return suppressedCount;
    }

    private KeyFrameRequest send(KeyFrameReason reason, long nowMs) {
        sentBefore = true;
        lastSentAtMs = nowMs;
        sentCount++;
        int firSequenceNumber = 0;
        if (method == KeyFrameMethod.FIR) {
            firSequenceNumber = nextFirSequenceNumber;
            nextFirSequenceNumber = (nextFirSequenceNumber + 1) & 0xFF;
        }
        return new KeyFrameRequest(method, firSequenceNumber, reason);
    }
}
