package io.chorus.signalling.server;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chorus.signalling.metrics.ConnectionMetrics;
import io.chorus.signalling.metrics.ConnectionMetrics.Refusal;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses WebSocket, REST and metrics requests that a browser sends on behalf of a page from another
 * site. Browsers name the page's origin in {@code Origin} on WebSocket handshakes and cross-site
 * requests, and a page cannot forge it; without this check, any site a user of this machine opens
 * could join rooms or start a broadcast of a meeting to its own server while auth is off. Allowed:
 * no {@code Origin} at all (not a browser: judged by auth alone), the server's own origin when the
 * page reached it by IP address or {@code localhost} (the {@code Host} the request was sent to), and
 * the origins listed in {@code http.allowedOrigins}.
 */
@ChannelHandler.Sharable
final class OriginCheck extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);

    private final Set<String> allowed;
    private final ConnectionMetrics metrics;
    private final LogThrottle logged = new LogThrottle();

    /** @param allowed origins other than the server's own, as browsers write them: {@code https://meet.example.com} */
    OriginCheck(Set<String> allowed, ConnectionMetrics metrics) {
        this.allowed = Set.copyOf(allowed);
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request && guarded(request) && !allowed(request)) {
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            metrics.refused(Refusal.FOREIGN_ORIGIN);
            if (logged.next()) {
                LOG.warn("{}: refused a request to {} from a page of {} ({} such refusals so far)",
                        ctx.channel().remoteAddress(), path(request), origin, logged.count());
            }
            String body = "{\"code\":\"forbidden-origin\",\"message\":\"pages of this origin may not use this server;"
                    + " see http.allowedOrigins\"}";
            HttpResponses.send(ctx, request, HttpResponseStatus.FORBIDDEN, "application/json; charset=UTF-8",
                    body.getBytes(StandardCharsets.UTF_8));
            ReferenceCountUtil.release(request);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean guarded(FullHttpRequest request) {
        String path = path(request);
        return path.equals("/ws") || path.equals("/api") || path.startsWith("/api/") || path.equals("/metrics");
    }

    private boolean allowed(FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin == null || allowed.contains(origin)) {
            return true;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        return host != null && addressedByIp(host) && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /**
     * Whether the page reached this server by an IP address or {@code localhost}. A same-origin page
     * reached by a domain name could be a DNS-rebinding page whose name now points here, so a
     * server known by name lists its origin in {@code http.allowedOrigins}.
     */
    static boolean addressedByIp(String hostHeader) {
        String host = hostHeader.startsWith("[") ? hostHeader.substring(1, Math.max(1, hostHeader.indexOf(']')))
                : hostHeader.contains(":") ? hostHeader.substring(0, hostHeader.indexOf(':')) : hostHeader;
        boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = host.contains(":") && host.matches("[0-9a-fA-F:.]+");
        return host.equals("localhost") || ipv4 || ipv6;
    }

    private static String path(FullHttpRequest request) {
        return new QueryStringDecoder(request.uri()).path();
    }
}
