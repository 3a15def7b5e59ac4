package io.chorus.samples.load;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread that sends every participant's next video frame each 1/fps and its next audio packet
 * each 20 ms, as a camera and a microphone would. A participant is paced from the moment it is added.
 */
final class Pacer implements AutoCloseable {
    private final List<Paced> paced = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-pacer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong sendFailures = new AtomicLong();

    private static final class Paced {
        final SyntheticParticipant participant;
        long videoFrames;
        long audioFrames;

        Paced(SyntheticParticipant participant) {
            this.participant = participant;
        }
    }

    Pacer(int fps) {
        long frameNanos = 1_000_000_000L / fps;
        clock.scheduleAtFixedRate(() -> each(p -> p.participant.sendVideo(p.videoFrames++)), 0, frameNanos,
                TimeUnit.NANOSECONDS);
        clock.scheduleAtFixedRate(() -> each(p -> p.participant.sendAudio(p.audioFrames++)), 0, 20,
                TimeUnit.MILLISECONDS);
    }

    void add(SyntheticParticipant participant) {
        paced.add(new Paced(participant));
    }

    void remove(SyntheticParticipant participant) {
        paced.removeIf(p -> p.participant == participant);
    }

    long sendFailures() {
        return sendFailures.get();
    }

    private interface Send {
        void to(Paced p) throws IOException;
    }

    private void each(Send send) {
        for (Paced p : paced) {
            try {
                send.to(p);
            } catch (IOException | RuntimeException e) {
                // A scheduled task that throws is never run again: count and carry on.
                sendFailures.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
