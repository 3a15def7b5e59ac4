/**
 * Webhooks: rooms' events (room, participant, recording and broadcast changes) posted as signed
 * JSON to the receivers an operator configures ({@code webhooks.*}, docs/webhooks.md).
 * {@link io.chorus.signalling.webhook.Webhooks} is a room listener; each receiver has a bounded
 * queue and one delivery thread that retries with backoff.
 *
 * <p>Threads: the rooms' threads (signalling, transport, mixer ticks, recorder workers) call
 * {@code onEvent}, which only builds a small event and offers it to the queues; the body is
 * written and posted on the receiver's {@code chorus-webhook-N} thread. Shutdown runs on the
 * server's closing thread.
 */
package io.chorus.signalling.webhook;
