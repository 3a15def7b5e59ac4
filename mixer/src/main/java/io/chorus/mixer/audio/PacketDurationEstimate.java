package io.chorus.mixer.audio;

/**
 * How long a stream's packets are, read from its timestamps alone: the smallest of the last 16
 * advances of the highest timestamp. A lost packet only makes one advance longer and a reordered
 * one makes none, so the minimum stays the true packet duration; a sender switching to longer
 * packets is followed after 16 packets, to shorter ones at once. Advances outside Opus' 2.5..120 ms
 * are gaps (silence suppression, restarts) and ignored. Starts at 20 ms.
 */
final class PacketDurationEstimate {
    private static final int WINDOW = 16;
    private static final int MIN_SAMPLES = AudioFormat.SAMPLE_RATE * 25 / 10_000;
    private static final int MAX_SAMPLES = AudioFormat.SAMPLE_RATE * 120 / 1000;

    private final int[] advances = new int[WINDOW];
    private int count;
    private int next;
    private int samples = AudioFormat.SAMPLES_PER_FRAME;

    void observe(long advance) {
        if (advance < MIN_SAMPLES || advance > MAX_SAMPLES) {
            return;
        }
        advances[next] = (int) advance;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        int smallest = advances[0];
        for (int i = 1; i < count; i++) {
            smallest = Math.min(smallest, advances[i]);
        }
        samples = smallest;
    }

    int samples() {
        return samples;
    }
}
