package io.chorus.signalling.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.signalling.metrics.ConnectionMetrics;
import io.chorus.signalling.metrics.ConnectionMetrics.Refusal;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Bounds the HTTP/WebSocket connections the server holds, in all and per remote address, so that
 * one host cannot take every seat by opening sockets and never speaking. A connection over a limit
 * is closed as soon as it is accepted, counted, and logged on the 1st, 2nd, 4th... occasion.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final AttributeKey<InetAddress> ADMITTED = AttributeKey.valueOf("chorus.admitted");

    private final int maxConnections;
    private final int maxPerAddress;
    private final ConnectionMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final LogThrottle logged = new LogThrottle();

    ConnectionLimiter(int maxConnections, int maxPerAddress, ConnectionMetrics metrics) {
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = addressOf(ctx.channel().remoteAddress());
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refuse(ctx, Refusal.TOO_MANY_CONNECTIONS, "the server holds its limit of " + maxConnections);
            return;
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            admitted[0] = count < maxPerAddress;
            return admitted[0] ? count + 1 : n;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            refuse(ctx, Refusal.TOO_MANY_FROM_ADDRESS, address.getHostAddress() + " holds its limit of " + maxPerAddress);
            return;
        }
        ctx.channel().attr(ADMITTED).set(address);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = ctx.channel().attr(ADMITTED).getAndSet(null);
        if (address != null) {
            open.decrementAndGet();
            byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            super.channelInactive(ctx);
        }
    }

    /** Connections admitted and still open. */
    int open() {
        return open.get();
    }

    private void refuse(ChannelHandlerContext ctx, Refusal reason, String why) {
        metrics.refused(reason);
        if (logged.next()) {
            LOG.warn("{}: connection refused: {} ({} refusals so far)", ctx.channel().remoteAddress(), why,
                    logged.count());
        }
        ctx.close();
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return ((InetSocketAddress) remote).getAddress();
    }
}
