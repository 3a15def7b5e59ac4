package io.chorus.signalling.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

import io.chorus.signalling.api.ApiResponse.FileBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedFile;

/**
 * Streams a file as a response, whole or one byte range of it: recordings are gigabytes, so they
 * go out in chunks as the client reads them (the pipeline's chunked writer waits while the socket
 * is full) instead of through memory. The file is opened here and closed when the last chunk is
 * written or the connection fails.
 */
final class FileResponses {
    private static final int CHUNK = 64 * 1024;

    private FileResponses() {
    }

    /** @throws IOException when the file cannot be opened (it was removed meanwhile) */
    static void send(ChannelHandlerContext ctx, FullHttpRequest request, FileBody body) throws IOException {
        RandomAccessFile file = new RandomAccessFile(body.path().toFile(), "r");
        boolean handedOver = false;
        try {
            long size = file.length();
            ByteRange.Request asked = ByteRange.of(request.headers().get(HttpHeaderNames.RANGE), size);
            if (asked instanceof ByteRange.Unsatisfiable) {
                unsatisfiable(ctx, request, size);
                return;
            }
            ByteRange range = asked instanceof ByteRange.Part part ? part.range()
                    : new ByteRange(0, size - 1);
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                    asked instanceof ByteRange.Part ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType())
                    .set(HttpHeaderNames.ACCEPT_RANGES, "bytes")
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                    .set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + body.downloadName() + "\"");
            if (asked instanceof ByteRange.Part) {
                response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + range.first() + "-" + range.last()
                        + "/" + size);
            }
            long length = size == 0 ? 0 : range.length();
            HttpUtil.setContentLength(response, length);
            if (request.method() == HttpMethod.HEAD || length == 0) {
                HttpResponses.finish(ctx, request, response, LastHttpContent.EMPTY_LAST_CONTENT);
            } else {
                ChunkedFile chunks = new ChunkedFile(file, range.first(), length, CHUNK);
                // From here the chunked writer closes the file, when the last chunk is out or the write fails.
                handedOver = true;
                HttpResponses.finish(ctx, request, response, new HttpChunkedInput(chunks));
            }
        } finally {
            if (!handedOver) {
                file.close();
            }
        }
    }

    private static void unsatisfiable(ChannelHandlerContext ctx, FullHttpRequest request, long size) {
        byte[] error = ("{\"code\":\"range-not-satisfiable\",\"message\":\"the file has " + size + " bytes\"}")
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Unpooled.wrappedBuffer(error));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                .set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
        HttpUtil.setContentLength(response, error.length);
        HttpResponses.finish(ctx, request, response, response);
    }
}
