package io.chorus.core.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.bouncycastle.tls.DatagramTransport;

/**
 * The socket-less datagram transport Bouncy Castle's blocking DTLS protocol runs on. The network
 * thread {@link #offer offers} datagrams and never waits: a copy goes into a bounded queue, or the
 * datagram is dropped and counted when the queue is full. The DTLS thread takes them with a timeout
 * in {@link #receive}. Outgoing records go straight to the {@link DtlsPacketSender}.
 * <p>
 * {@link #close()} wakes a waiting receiver, which then gets an IOException; that is how a blocked
 * handshake or read loop learns that the transport is gone.
 */
final class DatagramQueueTransport implements DatagramTransport {
    /**
     * Ethernet-sized: peers fragment DTLS to their path MTU (browsers to about 1200), so a larger
     * datagram is not a DTLS record we want, and it is dropped rather than truncated.
     */
    static final int MIN_RECEIVE_LIMIT = 1500;

    private final DtlsPacketSender sender;
    private final int sendLimit;
    private final int receiveLimit;
    private final int capacity;
    private final ArrayDeque<byte[]> datagrams;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    DatagramQueueTransport(DtlsPacketSender sender, int maxDatagramSize, int capacity) {
        this.sender = sender;
        this.sendLimit = maxDatagramSize;
        this.receiveLimit = Math.max(MIN_RECEIVE_LIMIT, maxDatagramSize);
        this.capacity = capacity;
        this.datagrams = new ArrayDeque<>(capacity);
    }

    /** Queues a copy of the datagram; false (and counted) if it was dropped. Never blocks for long. */
    boolean offer(byte[] buffer, int offset, int length) {
        if (length <= 0 || length > receiveLimit) {
            dropped.incrementAndGet();
            return false;
        }
        byte[] copy = new byte[length];
        System.arraycopy(buffer, offset, copy, 0, length);
        lock.lock();
        try {
            if (closed || datagrams.size() >= capacity) {
                dropped.incrementAndGet();
                return false;
            }
            datagrams.addLast(copy);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    long droppedCount() {
        return dropped.get();
    }

    @Override
    public int getReceiveLimit() {
        return receiveLimit;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    /**
     * @param waitMillis 0 waits until a datagram comes or the transport closes, as a socket timeout of 0
     *                   does; otherwise -1 is returned when nothing came in time
     */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        lock.lock();
        try {
            long remainingNanos = TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (datagrams.isEmpty() && !closed) {
                if (waitMillis == 0) {
                    notEmpty.await();
                } else if (remainingNanos <= 0) {
                    return -1;
                } else {
                    remainingNanos = notEmpty.awaitNanos(remainingNanos);
                }
            }
            if (closed) {
                throw new IOException("DTLS transport closed");
            }
            byte[] datagram = datagrams.removeFirst();
            int length = Math.min(datagram.length, len);
            System.arraycopy(datagram, 0, buf, off, length);
            return length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a DTLS datagram");
        } finally {
            lock.unlock();
        }
    }

    /** Drops silently once closed: BC still tries to send alerts while it tears a failed handshake down. */
    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            return;
        }
        try {
            sender.send(buf, off, len);
        } catch (RuntimeException e) {
            throw new IOException("sending a DTLS datagram failed", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            datagrams.clear();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
