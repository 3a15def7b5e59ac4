package io.chorus.signalling.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.CharsetUtil;

/**
 * Serves the sample pages bundled under {@code web/} on the classpath. Only plain file names are
 * accepted, so no request can reach anything outside that folder.
 */
final class StaticContentHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]+\\.(html|js|css)");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8");

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws IOException {
        if (!request.decoderResult().isSuccess()) {
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, "text/plain; charset=UTF-8",
                    "bad request\n".getBytes(CharsetUtil.UTF_8));
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=UTF-8",
                    "method not allowed\n".getBytes(CharsetUtil.UTF_8));
            return;
        }
        byte[] body = SAFE_NAME.matcher(name).matches() ? load(name) : null;
        if (body == null) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain; charset=UTF-8",
                    ("not found: " + path + "\n").getBytes(CharsetUtil.UTF_8));
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        respond(ctx, request, HttpResponseStatus.OK, CONTENT_TYPES.get(extension), body);
    }

    private static byte[] load(String name) throws IOException {
        try (InputStream in = StaticContentHandler.class.getResourceAsStream("/web/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String contentType, byte[] body) {
        HttpResponses.send(ctx, request, status, contentType, body);
    }
}
