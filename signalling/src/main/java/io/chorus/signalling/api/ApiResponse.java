package io.chorus.signalling.api;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What an API route answers: a status and a JSON body (null for 204), or a file to stream (a
 * recording's download), which the HTTP side serves with range requests.
 */
public record ApiResponse(HttpResponseStatus status, JsonNode body, FileBody file) {

    /** A file to send as the response's body. */
    public record FileBody(Path path, String contentType, String downloadName) {
    }

    public ApiResponse(HttpResponseStatus status, JsonNode body) {
        this(status, body, null);
    }

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(HttpResponseStatus.OK, body);
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(HttpResponseStatus.CREATED, body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(HttpResponseStatus.NO_CONTENT, null);
    }

    static ApiResponse file(Path path, String contentType, String downloadName) {
        return new ApiResponse(HttpResponseStatus.OK, null, new FileBody(path, contentType, downloadName));
    }
}
