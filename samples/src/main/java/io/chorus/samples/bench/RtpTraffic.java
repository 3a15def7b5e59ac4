package io.chorus.samples.bench;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media of a room of plain-RTP participants, on two threads whatever the room's size, so the
 * client costs little next to the server it measures: one sends every 20 ms (talkers their tone, each
 * listener one silence packet every 400 ms, as a browser's Opus DTX does), one receives the mix on
 * all sockets through a Selector into one reused buffer and counts packets per participant.
 */
final class RtpTraffic implements AutoCloseable {
    /** A DTX sender's silence packet comes every 400 ms: every 20th 20 ms frame. */
    static final int DTX_INTERVAL_FRAMES = 20;

    private final List<RtpPeer> peers;
    private final List<List<byte[]>> talkers;
    private final byte[] silence;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "rtp-sender"));
    private final Selector selector;
    private final Thread receiver;
    private final AtomicLong sendFailures = new AtomicLong();
    private long frame;

    /**
     * @param talkers the first {@code talkers.size()} peers send these packet loops; the others are
     *                listeners sending {@code silence}
     */
    RtpTraffic(List<RtpPeer> peers, List<List<byte[]>> talkers, byte[] silence) throws IOException {
        this.peers = List.copyOf(peers);
        this.talkers = List.copyOf(talkers);
        this.silence = silence.clone();
        selector = Selector.open();
        for (RtpPeer p : peers) {
            p.channel().register(selector, SelectionKey.OP_READ, p);
        }
        receiver = daemon(this::receive, "rtp-receiver");
        receiver.start();
        sender.scheduleAtFixedRate(this::sendFrame, 0, 20, TimeUnit.MILLISECONDS);
    }

    long sendFailures() {
        return sendFailures.get();
    }

    private void sendFrame() {
        for (int i = 0; i < peers.size(); i++) {
            try {
                if (i < talkers.size()) {
                    List<byte[]> loop = talkers.get(i);
                    peers.get(i).send(loop.get((int) (frame % loop.size())), frame);
                } else if ((frame + i) % DTX_INTERVAL_FRAMES == 0) {
                    // Staggered by index, as independent browsers would be.
                    peers.get(i).send(silence, frame);
                }
            } catch (IOException e) {
                // A scheduled task that throws is never run again: count and carry on.
                sendFailures.incrementAndGet();
            }
        }
        frame++;
    }

    private void receive() {
        ByteBuffer in = ByteBuffer.allocateDirect(2048);
        try {
            while (selector.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    RtpPeer peer = (RtpPeer) key.attachment();
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    // Drain: several packets may have queued while this thread was on other sockets.
                    try {
                        while (true) {
                            in.clear();
                            if (channel.read(in) <= 0) {
                                break;
                            }
                            peer.countReceived();
                        }
                    } catch (PortUnreachableException e) {
                        // An ICMP error from a port Janus has not opened yet: nothing was received.
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException | IOException e) {
            // closed by close(): the run is over
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        sender.shutdownNow();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        selector.close();
        receiver.join(5_000);
    }
}
