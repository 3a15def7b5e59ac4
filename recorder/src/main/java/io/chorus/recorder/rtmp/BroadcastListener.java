package io.chorus.recorder.rtmp;

/**
 * Told of every state change of a broadcast, in order, on the broadcast's worker thread (or on the
 * thread calling {@code stop()}). It should return quickly: while it runs, no media is sent. It must
 * not call {@code stop()} itself (that waits for the worker it runs on); hand that to another thread.
 */
@FunctionalInterface
public interface BroadcastListener {

    void onStatus(BroadcastStatus status);
}
