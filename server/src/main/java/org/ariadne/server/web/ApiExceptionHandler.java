package org.ariadne.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ariadne.server.audit.Actor;
import org.ariadne.server.audit.AuditLog;
import org.ariadne.server.audit.Audited;
import org.ariadne.server.audit.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into an {@link ApiError}; unexpected ones are logged and answered without detail, and a
 * refusal for want of a role is audited.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final AuditLog audit;

    ApiExceptionHandler(AuditLog audit) {
        this.audit = audit;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e, HttpServletRequest request) {
        // a missing role; refusals of another agency's data are audited where they are decided, with their target
        if (e.status() == HttpStatus.FORBIDDEN) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            Actor actor = user != null && user.getPrincipal() instanceof Audited audited ? audited.actor() : Actor.SYSTEM;
            audit.record(actor, "request.forbidden", request.getMethod() + " " + request.getRequestURI(), Outcome.REFUSED,
                    java.util.Map.of("reason", e.getMessage()));
        }
        return answer(e.status(), new ApiError(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, new ApiError("too_large", "the upload exceeds the configured size limit"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class, MultipartException.class,
            IllegalArgumentException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        String message = e instanceof HttpMessageNotReadableException ? "the request body is not valid JSON for this call"
                : e instanceof MethodArgumentTypeMismatchException m ? "bad value for " + m.getName()
                : e.getMessage();
        return answer(HttpStatus.BAD_REQUEST, new ApiError("bad_request", message));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, new ApiError("method_not_allowed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError("unsupported_media_type", e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noSuchPath(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, new ApiError("not_found", "no such path"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        LOG.error("request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal", "internal error; the server log has the details"));
    }

    /**
     * JSON whatever the request accepts: an image element asks for images only, and without a content type
     * set here its error could not be written at all (a 500 instead of the 404 it is).
     */
    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(error);
    }
}
