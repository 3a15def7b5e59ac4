package io.chorus.signalling.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bad network between one UDP client and a server, on loopback, for tests where {@code tc netem}
 * is not available: the client sends to {@link #port()}, the relay forwards from a socket of its own
 * to the server and sends the server's replies back to the client's latest address. In both
 * directions each datagram is lost, delayed and duplicated at random as {@link Impairment} says,
 * and {@link #cutFor} drops everything for a while (a total outage).
 *
 * <p>Delays are independent per datagram, so jitter larger than the spacing between datagrams also
 * reorders them, as it does on a real path. The random source is seeded, and the seed logged, so
 * a run can be repeated.
 */
public final class UdpImpairmentRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpImpairmentRelay.class);
    private static final int MAX_DATAGRAM = 2048;

    /**
     * @param loss        probability that a datagram is dropped
     * @param jitter      each datagram is delayed by a uniform random time in [0, 2 x jitter], so
     *                    {@code jitter} is the mean delay and also how far a delay strays from it
     * @param duplication probability that a forwarded datagram is sent twice, each copy with its own delay
     */
    public record Impairment(double loss, Duration jitter, double duplication) {
        public static final Impairment NONE = new Impairment(0, Duration.ZERO, 0);

        public Impairment {
            if (loss < 0 || loss > 1 || duplication < 0 || duplication > 1 || jitter.isNegative()) {
                throw new IllegalArgumentException("impairment out of range: " + loss + ", " + jitter + ", " + duplication);
            }
        }
    }

    /** What happened to the datagrams of one direction so far. */
    public record Counts(long received, long dropped, long duplicated, long sent) {
    }

    private final DatagramSocket clientSide;
    private final DatagramSocket serverSide;
    private final SocketAddress server;
    private final ScheduledThreadPoolExecutor delayLine;
    private final SplittableRandom random;
    private final Direction up = new Direction();
    private final Direction down = new Direction();
    private volatile Impairment impairment = Impairment.NONE;
    private volatile long cutUntilNanos = System.nanoTime();
    private volatile SocketAddress client;
    private volatile boolean closed;

    /** Listens on an ephemeral loopback port and forwards to {@code server}. */
    public UdpImpairmentRelay(InetSocketAddress server, long seed) throws SocketException {
        this.server = server;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.clientSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.serverSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.random = new SplittableRandom(seed);
        this.delayLine = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "relay-delay-" + port()));
        LOG.info("relay 127.0.0.1:{} -> {} (server sees 127.0.0.1:{}), seed {}", port(), server,
                serverSide.getLocalPort(), seed);
        daemon(() -> pump(clientSide, up, true), "relay-up-" + port()).start();
        daemon(() -> pump(serverSide, down, false), "relay-down-" + port()).start();
    }

    /** The port the client sends to. */
    public int port() {
        return clientSide.getLocalPort();
    }

    public void impair(Impairment impairment) {
        this.impairment = impairment;
        LOG.info("relay {}: {}", port(), impairment);
    }

    /** Drops every datagram, both ways, for {@code outage} from now. */
    public void cutFor(Duration outage) {
        cutUntilNanos = System.nanoTime() + outage.toNanos();
        LOG.info("relay {}: link cut for {} ms", port(), outage.toMillis());
    }

    /** Client to server. */
    public Counts upstream() {
        return up.counts();
    }

    /** Server to client. */
    public Counts downstream() {
        return down.counts();
    }

    private void pump(DatagramSocket from, Direction direction, boolean fromClient) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                from.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("relay {}: receive failed, relay stops", port(), e);
                }
                return;
            }
            direction.received.incrementAndGet();
            SocketAddress to;
            DatagramSocket via;
            if (fromClient) {
                client = packet.getSocketAddress();
                to = server;
                via = serverSide;
            } else {
                to = client;
                via = clientSide;
                if (to == null) {
                    direction.dropped.incrementAndGet(); // nobody to send it to yet
                    continue;
                }
            }
            forward(Arrays.copyOf(buffer, packet.getLength()), via, to, direction);
        }
    }

    private void forward(byte[] datagram, DatagramSocket via, SocketAddress to, Direction direction) {
        Impairment now = impairment;
        long delay1;
        long delay2;
        boolean drop;
        boolean duplicate;
        synchronized (random) {
            drop = System.nanoTime() < cutUntilNanos || random.nextDouble() < now.loss();
            duplicate = random.nextDouble() < now.duplication();
            delay1 = delayMicros(now.jitter());
            delay2 = delayMicros(now.jitter());
        }
        if (drop) {
            direction.dropped.incrementAndGet();
            return;
        }
        send(datagram, via, to, direction, delay1);
        if (duplicate) {
            direction.duplicated.incrementAndGet();
            send(datagram, via, to, direction, delay2);
        }
    }

    private long delayMicros(Duration jitter) {
        long max = 2 * jitter.toNanos() / 1000;
        return max == 0 ? 0 : random.nextLong(max + 1);
    }

    private void send(byte[] datagram, DatagramSocket via, SocketAddress to, Direction direction, long delayMicros) {
        Runnable send = () -> {
            try {
                via.send(new DatagramPacket(datagram, datagram.length, to));
                direction.sent.incrementAndGet();
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("relay {}: send to {} failed: {}", port(), to, e.toString());
                }
            }
        };
        if (delayMicros == 0) {
            send.run();
        } else if (!closed) {
            delayLine.schedule(send, delayMicros, TimeUnit.MICROSECONDS);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        delayLine.shutdownNow();
        clientSide.close();
        serverSide.close();
        LOG.info("relay {} closed: up {}, down {}", port(), upstream(), downstream());
    }

    private static final class Direction {
        final AtomicLong received = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong sent = new AtomicLong();

        Counts counts() {
            return new Counts(received.get(), dropped.get(), duplicated.get(), sent.get());
        }
    }
}
