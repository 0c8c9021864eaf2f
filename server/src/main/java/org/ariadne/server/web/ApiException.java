package org.ariadne.server.web;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the status, a stable machine-readable code and a sentence for
 * people. Answered as {@code {"code": ..., "message": ...}} by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /**
     * Absent, or not the caller's to see: the two are answered alike, so that guessing identifiers tells
     * nothing about another agency's data.
     */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
