package io.chorus.signalling.server;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

import io.chorus.signalling.api.ApiResponse.FileBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Streams a file as a response, whole or one byte range of it: recordings are gigabytes, so the
 * kernel sends them straight from the page cache to the socket (sendfile, a file region) as the
 * client reads, never through the heap. The file is opened here and closed when the region is sent
 * or the connection fails. A region not in the page cache is read by the kernel within the event
 * loop's sendfile call: on a slow disk that delays the loop's other connections.
 */
final class FileResponses {
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
                DefaultFileRegion region = new DefaultFileRegion(file.getChannel(), range.first(), length);
                // From here the region owns the file and closes it when it is sent or the write fails.
                handedOver = true;
                HttpResponses.finish(ctx, request, response, region, LastHttpContent.EMPTY_LAST_CONTENT);
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
        HttpResponses.finish(ctx, request, response);
    }
}
