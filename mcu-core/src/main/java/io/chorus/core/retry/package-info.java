/**
 * How the server waits before trying again after a failure that is not its own: a broadcast's lost
 * connection, a webhook receiver that is down ({@link io.chorus.core.retry.Backoff}).
 *
 * <p>Threads: each backoff belongs to the one worker that retries; nothing here is shared.
 */
package io.chorus.core.retry;
