package io.chorus.signalling.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Writes one complete HTTP response, honouring HEAD and keep-alive. */
final class HttpResponses {
    private HttpResponses() {
    }

    /** @param contentType null for a response without a body type (e.g. 204) */
    static void send(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String contentType,
            byte[] body) {
        boolean head = request.method() == HttpMethod.HEAD;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        HttpUtil.setContentLength(response, body.length);
        finish(ctx, request, response);
    }

    /**
     * Sends {@code response} (with the request's keep-alive), then {@code body} in order (its last
     * part ends the response), closing the connection afterwards unless the client keeps it alive.
     */
    static void finish(ChannelHandlerContext ctx, HttpRequest request, HttpResponse response, Object... body) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        Object last = response;
        for (Object part : body) {
            ctx.write(last);
            last = part;
        }
        ChannelFuture future = ctx.writeAndFlush(last);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
