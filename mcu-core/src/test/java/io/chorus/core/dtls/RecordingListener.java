package io.chorus.core.dtls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Captures a transport's callbacks as futures; counts them to catch a second terminal report. */
final class RecordingListener implements DtlsTransportListener {
    static final long WAIT_SECONDS = 20;

    final CompletableFuture<DtlsHandshakeResult> completed = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    final AtomicInteger callbacks = new AtomicInteger();

    @Override
    public void onHandshakeComplete(DtlsHandshakeResult result) {
        callbacks.incrementAndGet();
        completed.complete(result);
    }

    @Override
    public void onHandshakeFailed(String reason) {
        callbacks.incrementAndGet();
        failed.complete(reason);
    }

    @Override
    public void onClosed(String reason) {
        callbacks.incrementAndGet();
        closed.complete(reason);
    }

    DtlsHandshakeResult awaitCompleted() throws Exception {
        return completed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    String awaitFailed() throws Exception {
        return failed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    String awaitClosed() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
