/**
 * The one way work crosses from a thread that must never wait to a consumer that may be slower:
 * the mixer's video inputs (receive thread to decode pool), the downstream senders (tick thread to
 * send pool) and the recorder's sinks (tick thread to a file or socket worker).
 *
 * <p>{@link io.chorus.core.handoff.HandOffQueue} is bounded; what does not fit is dropped by its
 * {@link io.chorus.core.handoff.DropPolicy} and counted, and the producer is told on its own thread
 * (to ask for a key frame). {@link io.chorus.core.handoff.SerialDrain} runs one consumer on a
 * shared executor, never on two threads at once.
 *
 * <p>Threads: any number of producers offer; one consumer at a time polls. The queue's lock is held
 * only to move references, never across the consumer's work or any I/O; offering never allocates
 * beyond the queue's fixed array.
 */
package io.chorus.core.handoff;
