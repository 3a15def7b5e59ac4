package io.chorus.mixer.input;

import java.util.ArrayDeque;

/**
 * The few most recent scaled pictures of one input, so the video tick can show the one that
 * matches the audio being played rather than simply the newest (video usually decodes sooner than
 * audio plays out of its jitter buffer). The decode worker fills a free slot outside the lock and
 * publishes it; the tick picks one and keeps it pinned until its next pick. The lock guards only
 * slot bookkeeping, never pixel copies.
 */
final class PictureRing {
    private final ArrayDeque<TimedPicture> free = new ArrayDeque<>();
    private final ArrayDeque<TimedPicture> ready = new ArrayDeque<>();
    private TimedPicture shown;

    PictureRing(int capacity) {
        if (capacity < 3) {
            throw new IllegalArgumentException("a picture ring needs at least 3 slots: " + capacity);
        }
        for (int i = 0; i < capacity; i++) {
            free.add(new TimedPicture());
        }
    }

    /** A slot the decoder may write into; when none is free the oldest waiting picture is given up. */
    synchronized TimedPicture acquire() {
        TimedPicture slot = free.pollFirst();
        return slot != null ? slot : ready.pollFirst();
    }

    synchronized void publish(TimedPicture picture) {
        ready.addLast(picture);
    }

    /** Returns a slot that was acquired but not published (decode produced nothing). */
    synchronized void release(TimedPicture picture) {
        free.addLast(picture);
    }

    /**
     * Chooses the picture to show now: the newest whose capture time is at or before
     * {@code playoutMicros} (the capture time of the audio now playing), or the newest of all when
     * there is no audio reference ({@link Long#MIN_VALUE}) or the pictures carry no sender time.
     * Older waiting pictures are freed. Returns the current picture if nothing newer qualifies.
     */
    synchronized TimedPicture pick(long playoutMicros) {
        TimedPicture chosen = null;
        while (!ready.isEmpty()) {
            TimedPicture candidate = ready.peekFirst();
            boolean due = playoutMicros == Long.MIN_VALUE || candidate.captureMicros() == Long.MIN_VALUE
                    || candidate.captureMicros() <= playoutMicros;
            if (!due) {
                break;
            }
            ready.pollFirst();
            if (chosen != null) {
                free.addLast(chosen);
            }
            chosen = candidate;
        }
        if (chosen != null) {
            if (shown != null) {
                free.addLast(shown);
            }
            shown = chosen;
        }
        return shown;
    }

    /** Forgets every picture (the tile changed size): nothing stale is shown at the wrong size. */
    synchronized void clear() {
        if (shown != null) {
            free.addLast(shown);
            shown = null;
        }
        free.addAll(ready);
        ready.clear();
    }
}
