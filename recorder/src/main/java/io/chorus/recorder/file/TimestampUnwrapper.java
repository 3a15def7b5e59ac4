package io.chorus.recorder.file;

/**
 * Extends 32-bit RTP timestamps into a 64-bit line: each timestamp is placed within 2^31 of the
 * previous one, so a wrap keeps counting up. Timestamps that are already 64-bit (the mixer's) pass
 * through unchanged as long as consecutive ones are less than 2^31 apart.
 */
final class TimestampUnwrapper {
    private long last;
    private boolean started;

    long unwrap(long timestamp) {
        if (!started) {
            started = true;
            last = timestamp;
            return timestamp;
        }
        last += (int) (timestamp - last);
        return last;
    }
}
