package io.chorus.mixer.output;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which a room opens and closes encoders. FFmpeg serialises codec open and close
 * behind a process-wide lock, and libvpx allocates megabytes on open, so doing either on a tick
 * thread would stall the room's media; here it only delays when a new output starts.
 */
public final class CodecLifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodecLifecycle.class);

    private final ExecutorService executor;

    public CodecLifecycle(String roomName) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "codec-lifecycle-" + roomName);
            t.setDaemon(true);
            return t;
        });
    }

    public void run(String what, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed", what, e);
            }
        });
    }

    /** Finishes queued opens and closes (so every native object is freed), then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.error("codec lifecycle thread did not finish within 10 s; native codecs may leak");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
