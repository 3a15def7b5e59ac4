package io.chorus.samples.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One plain-RTP participant's socket on 127.0.0.1: it sends the participant's Opus packets and
 * receives the mix on the same port, because Janus's AudioBridge connects its socket to the
 * address it was given in the join and drops RTP from any other port.
 */
final class RtpPeer implements AutoCloseable {
    static final int PAYLOAD_TYPE = 111;
    private static final int HEADER_BYTES = 12;
    private static final int SAMPLES_PER_FRAME = 960;

    private final DatagramChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(HEADER_BYTES + 1500);
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final int timestampBase = ThreadLocalRandom.current().nextInt();
    private final AtomicLong received = new AtomicLong();
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);

    RtpPeer() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
    }

    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** From now on, sends to and receives from Janus's port for this participant only. */
    void connect(int janusPort) throws IOException {
        channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), janusPort));
    }

    DatagramChannel channel() {
        return channel;
    }

    /**
     * Sends one Opus packet as the frame of 20 ms tick {@code frame}: the timestamp follows the
     * clock even across the gaps a silent (DTX) sender leaves, while the sequence number does not.
     */
    void send(byte[] opus, long frame) throws IOException {
        out.clear();
        out.put((byte) 0x80).put((byte) PAYLOAD_TYPE).putShort((short) sequence++)
                .putInt(timestampBase + (int) (frame * SAMPLES_PER_FRAME)).putInt(ssrc).put(opus).flip();
        channel.write(out);
    }

    void countReceived() {
        received.incrementAndGet();
    }

    long received() {
        return received.get();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
