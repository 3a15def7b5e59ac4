package io.chorus.signalling.server;

import java.util.function.Supplier;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The pipeline of one HTTP connection: the connection limits, then (after the origin check)
 * WebSocket at {@code /ws}, the REST API under {@code /api/}, static pages elsewhere. The
 * signalling handler runs on its own executor group because accepting an offer creates an ICE
 * agent and must not stall the event loop.
 */
final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {
    /**
     * Netty closes the socket on frames above this; below it, oversized messages get a protocol
     * error from {@link WebSocketFrameHandler} instead, so the connection stays usable.
     */
    private static final int HARD_FRAME_LIMIT = 1024 * 1024;
    private static final int MAX_HTTP_REQUEST = 64 * 1024;

    /** The handlers every connection shares: the connection limits and the origin check. */
    record Guards(ConnectionLimiter limiter, OriginCheck origins) {
    }

    private final EventExecutorGroup signallingExecutors;
    private final Guards guards;
    private final Supplier<WebSocketFrameHandler> webSocketHandlers;
    private final Supplier<RestApiHandler> apiHandlers;

    HttpChannelInitializer(EventExecutorGroup signallingExecutors, Guards guards,
            Supplier<WebSocketFrameHandler> webSocketHandlers, Supplier<RestApiHandler> apiHandlers) {
        this.signallingExecutors = signallingExecutors;
        this.guards = guards;
        this.webSocketHandlers = webSocketHandlers;
        this.apiHandlers = apiHandlers;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("limits", guards.limiter());
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("aggregate", new HttpObjectAggregator(MAX_HTTP_REQUEST));
        pipeline.addLast("origin", guards.origins());
        pipeline.addLast("websocket", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/ws")
                .maxFramePayloadLength(HARD_FRAME_LIMIT)
                .handleCloseFrames(true)
                .build()));
        pipeline.addLast("ws-aggregate", new WebSocketFrameAggregator(HARD_FRAME_LIMIT));
        // Room changes join and stop mixer threads: off the event loop, like signalling.
        pipeline.addLast(signallingExecutors, "api", apiHandlers.get());
        pipeline.addLast("static", new StaticContentHandler());
        pipeline.addLast(signallingExecutors, "signalling", webSocketHandlers.get());
    }
}
