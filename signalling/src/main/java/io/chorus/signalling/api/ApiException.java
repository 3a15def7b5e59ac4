package io.chorus.signalling.api;

import io.chorus.signalling.protocol.ErrorCode;
import io.chorus.signalling.protocol.ProtocolException;
import io.netty.handler.codec.http.HttpResponseStatus;

/** A refused API request: an HTTP status plus the same {@code code}/{@code message} body as protocol errors. */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;
    private final String code;

    public ApiException(HttpResponseStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public ApiException(ErrorCode code, String message) {
        this(statusOf(code), code.wire(), message);
    }

    static ApiException from(ProtocolException e) {
        return new ApiException(e.code(), e.getMessage());
    }

    public HttpResponseStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    private static HttpResponseStatus statusOf(ErrorCode code) {
        switch (code) {
            case ROOM_NOT_FOUND:
            case PARTICIPANT_NOT_FOUND:
            case RECORDING_NOT_FOUND:
            case BROADCAST_NOT_FOUND:
                return HttpResponseStatus.NOT_FOUND;
            case ROOM_EXISTS:
            case ROOM_FULL:
            case ROOM_CLOSED:
            case TOO_MANY_OUTPUTS:
            case TOKEN_IN_USE:
            case AUTH_DISABLED:
                return HttpResponseStatus.CONFLICT;
            case ROOM_LOCKED:
                return HttpResponseStatus.LOCKED;
            case NOT_MODERATOR:
                return HttpResponseStatus.FORBIDDEN;
            case NO_DISK_SPACE:
                return HttpResponseStatus.INSUFFICIENT_STORAGE;
            case TOO_MANY_ROOMS:
                return HttpResponseStatus.SERVICE_UNAVAILABLE;
            case MESSAGE_TOO_LARGE:
                return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            case AUTH_REQUIRED:
            case INVALID_TOKEN:
            case TOKEN_EXPIRED:
            case TOKEN_MISMATCH:
                return HttpResponseStatus.UNAUTHORIZED;
            case INTERNAL_ERROR:
            case RECORDING_FAILED:
                return HttpResponseStatus.INTERNAL_SERVER_ERROR;
            default:
                return HttpResponseStatus.BAD_REQUEST;
        }
    }
}
