package io.chorus.signalling.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chorus.signalling.api.ApiException;
import io.chorus.signalling.api.ApiResponse;
import io.chorus.signalling.api.RoomsApi;
import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.logging.LogContext;
import io.chorus.signalling.logging.LogText;
import io.chorus.signalling.metrics.ConnectionMetrics;
import io.chorus.signalling.metrics.ConnectionMetrics.Refusal;
import io.chorus.signalling.metrics.ServerMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * HTTP for the REST API and the metrics: answers requests under {@code /api/} with JSON (errors
 * included) and {@code /metrics} in Prometheus text, and passes everything else down the pipeline.
 * With auth on, every route but the probes (health, ready) needs {@code Authorization: Bearer <api key>}.
 */
final class RestApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RestApiHandler.class);
    private static final String PREFIX = "/api/";
    private static final String METRICS = "/metrics";
    private static final Set<String> PROBES = Set.of("health", "ready");

    private final RoomsApi api;
    private final ObjectMapper mapper;
    private final Predicate<String> authorized;
    private final ServerMetrics metrics;
    private final ConnectionMetrics refusals;

    /** @param authorized given the Authorization header (or null), whether the caller may use the API */
    RestApiHandler(RoomsApi api, ObjectMapper mapper, Predicate<String> authorized, ServerMetrics metrics,
            ConnectionMetrics refusals) {
        super(false);
        this.api = api;
        this.mapper = mapper;
        this.authorized = authorized;
        this.metrics = metrics;
        this.refusals = refusals;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        try {
            if (path.equals(METRICS)) {
                scrape(ctx, request);
            } else if (path.startsWith(PREFIX) || path.equals("/api")) {
                respond(ctx, request, path, handle(request, path, uri.parameters()));
            } else {
                ctx.fireChannelRead(request.retain());
            }
        } finally {
            request.release();
        }
    }

    private void scrape(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!authorized.test(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            respond(ctx, request, unauthorized());
        } else if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            respond(ctx, request, error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    request.method() + " is not allowed here"));
        } else {
            HttpResponses.send(ctx, request, HttpResponseStatus.OK, metrics.contentType(),
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
        }
    }

    private ApiOutcome handle(FullHttpRequest request, String path, Map<String, List<String>> query) {
        List<String> segments = path.length() <= PREFIX.length() ? List.of()
                : Arrays.asList(path.substring(PREFIX.length()).split("/", -1));
        String room = segments.size() >= 2 && segments.get(0).equals("rooms") ? segments.get(1) : null;
        // Around the refusals too: those are the lines an operator looks for by room.
        try (LogContext context = LogContext.enter(room, null)) {
            return outcome(request, path, segments, query);
        }
    }

    private ApiOutcome outcome(FullHttpRequest request, String path, List<String> segments,
            Map<String, List<String>> query) {
        try {
            if (!request.decoderResult().isSuccess()) {
                throw new ApiException(HttpResponseStatus.BAD_REQUEST, "bad-request", "malformed HTTP request");
            }
            // Probes carry no credentials; what they learn is no more than that the node is up.
            boolean probe = segments.size() == 1 && PROBES.contains(segments.get(0));
            if (!probe && !authorized.test(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                return unauthorized();
            }
            ApiResponse response = api.handle(request.method(), segments, query, body(request));
            return new ApiOutcome(response.status(), response.body(), response.file());
        } catch (ApiException e) {
            LOG.info("{} {}: {} {} ({})", request.method(), LogText.oneLine(path), e.status().code(), e.code(),
                    LogText.oneLine(e.getMessage()));
            return error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {}: internal error", request.method(), LogText.oneLine(path), e);
            return error(HttpResponseStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR.wire(),
                    "internal server error; see server log");
        }
    }

    private ApiOutcome unauthorized() {
        return error(HttpResponseStatus.UNAUTHORIZED, "unauthorized", "this API needs 'Authorization: Bearer <api key>'");
    }

    private ApiOutcome error(HttpResponseStatus status, String code, String message) {
        ObjectNode error = mapper.createObjectNode().put("code", code).put("message", message);
        return new ApiOutcome(status, error, null);
    }

    private JsonNode body(FullHttpRequest request) throws ApiException {
        if (request.content().readableBytes() == 0) {
            return null;
        }
        // A cross-site page can send a form or text/plain without the browser asking first, never JSON.
        CharSequence mime = HttpUtil.getMimeType(request);
        if (mime == null || !mime.toString().equalsIgnoreCase("application/json")) {
            refusals.refused(Refusal.NOT_JSON);
            throw new ApiException(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "a request body must be sent as Content-Type: application/json");
        }
        try {
            return mapper.readTree(request.content().toString(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, "the request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private record ApiOutcome(HttpResponseStatus status, JsonNode body, ApiResponse.FileBody file) {
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest request, String path, ApiOutcome outcome) {
        if (outcome.file() != null) {
            try {
                FileResponses.send(ctx, request, outcome.file());
                return;
            } catch (IOException e) {
                LOG.warn("{} {}: cannot open {}: {}", request.method(), LogText.oneLine(path), outcome.file().path(), e.toString());
                outcome = error(HttpResponseStatus.NOT_FOUND, "recording-not-found", "the file is no longer there");
            }
        }
        respond(ctx, request, outcome);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, ApiOutcome outcome) {
        byte[] bytes = outcome.body() == null ? new byte[0] : outcome.body().toString().getBytes(StandardCharsets.UTF_8);
        HttpResponses.send(ctx, request, outcome.status(), outcome.body() == null ? null : "application/json; charset=UTF-8",
                bytes);
    }
}
