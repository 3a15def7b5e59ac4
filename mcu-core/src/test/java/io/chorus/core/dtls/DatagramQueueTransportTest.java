package io.chorus.core.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DatagramQueueTransportTest {
    private final List<byte[]> sent = new ArrayList<>();
    private final DatagramQueueTransport transport = new DatagramQueueTransport(
            (b, o, l) -> sent.add(Arrays.copyOfRange(b, o, o + l)), 1200, 2);

    @Test
    void limitsFollowTheDatagramSize() {
        assertEquals(1200, transport.getSendLimit());
        assertEquals(1500, transport.getReceiveLimit());
        assertEquals(9000, new DatagramQueueTransport((b, o, l) -> { }, 9000, 1).getReceiveLimit());
    }

    @Test
    void queuesACopyAndDeliversInOrder() throws Exception {
        byte[] buffer = {9, 1, 2, 3, 9};
        assertTrue(transport.offer(buffer, 1, 3));
        buffer[1] = 7; // the network thread reuses its buffer
        assertTrue(transport.offer(new byte[] {4}, 0, 1));

        byte[] into = new byte[1500];
        assertEquals(3, transport.receive(into, 0, into.length, 100));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(into, 3));
        assertEquals(1, transport.receive(into, 10, into.length - 10, 100));
        assertEquals(4, into[10]);
    }

    @Test
    void dropsAndCountsWhenFullEmptyOrOversized() {
        assertTrue(transport.offer(new byte[10], 0, 10));
        assertTrue(transport.offer(new byte[10], 0, 10));
        assertFalse(transport.offer(new byte[10], 0, 10));
        assertFalse(transport.offer(new byte[0], 0, 0));
        assertFalse(transport.offer(new byte[1501], 0, 1501));
        assertEquals(3, transport.droppedCount());
    }

    @Test
    void receiveTimesOutWithMinusOne() throws Exception {
        long start = System.nanoTime();
        assertEquals(-1, transport.receive(new byte[1500], 0, 1500, 50));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(45));
    }

    @Test
    void closeWakesAWaitingReceiverWithAnException() throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                transport.receive(new byte[1500], 0, 1500, 0);
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(50);
        assertFalse(outcome.isDone());
        transport.close();
        Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
        assertTrue(thrown instanceof IOException && thrown.getMessage().contains("closed"), String.valueOf(thrown));
        assertFalse(transport.offer(new byte[10], 0, 10));
        assertThrows(IOException.class, () -> transport.receive(new byte[1500], 0, 1500, 10));
    }

    @Test
    void sendGoesToTheSenderUntilClosed() throws Exception {
        transport.send(new byte[] {0, 5, 6, 0}, 1, 2);
        transport.close();
        transport.send(new byte[] {7}, 0, 1);
        assertEquals(1, sent.size());
        assertArrayEquals(new byte[] {5, 6}, sent.get(0));
    }

    @Test
    void senderFailureBecomesAnIOException() {
        DatagramQueueTransport failing = new DatagramQueueTransport((b, o, l) -> {
            throw new IllegalStateException("socket closed");
        }, 1200, 1);
        IOException e = assertThrows(IOException.class, () -> failing.send(new byte[1], 0, 1));
        assertTrue(e.getCause() instanceof IllegalStateException);
    }
}
