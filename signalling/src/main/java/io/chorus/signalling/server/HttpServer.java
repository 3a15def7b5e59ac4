package io.chorus.signalling.server;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;

/** Binds the HTTP/WebSocket port and owns Netty's threads. */
final class HttpServer implements AutoCloseable {
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final EventExecutorGroup signalling = new DefaultEventExecutorGroup(2);
    private final Channel channel;

    /**
     * @param maxPendingReplyBytes a connection's unsent bytes above which it stops being writable;
     *                             the WebSocket handler then closes it as a client that does not read
     */
    HttpServer(InetSocketAddress address, int maxPendingReplyBytes, HttpChannelInitializer.Guards guards,
            Supplier<WebSocketFrameHandler> handlers, Supplier<RestApiHandler> api) throws InterruptedException {
        try {
            channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(maxPendingReplyBytes / 2, maxPendingReplyBytes))
                    .childHandler(new HttpChannelInitializer(signalling, guards, handlers, api))
                    .bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully();
        workers.shutdownGracefully();
        signalling.shutdownGracefully();
    }
}
