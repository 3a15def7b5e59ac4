package io.chorus.signalling.api;

import com.fasterxml.jackson.databind.JsonNode;

import io.netty.handler.codec.http.HttpResponseStatus;

/** What an API route answers: a status and a JSON body (null for 204). */
public record ApiResponse(HttpResponseStatus status, JsonNode body) {

    static ApiResponse ok(JsonNode body) {
        return new ApiResponse(HttpResponseStatus.OK, body);
    }

    static ApiResponse created(JsonNode body) {
        return new ApiResponse(HttpResponseStatus.CREATED, body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(HttpResponseStatus.NO_CONTENT, null);
    }
}
