package dev.shabdam.gateway.problems;

import dev.shabdam.gateway.security.BodyTooLargeException;
import dev.shabdam.schemas.PathRedaction;
import dev.shabdam.speech.SynthesisException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Every error leaves the gateway as an RFC 9457 problem detail carrying a {@code code}: the domain's
 * {@link GatewayException}s, the synthesis core's refusals and Spring MVC's exceptions alike. This is the one
 * place that gives each kind of refusal its HTTP status. No detail names a filesystem path ({@link PathRedaction}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPE_BASE = "https://shabdam.dev/problems/";

    /** Codes for the Spring exceptions clients meet; anything else gets a code derived from its status. */
    private static final Map<Class<? extends Exception>, String> SPRING_CODES = Map.of(
            HttpMediaTypeNotSupportedException.class, "unsupported_content_type",
            HttpMediaTypeNotAcceptableException.class, "not_acceptable",
            HttpMessageNotReadableException.class, "malformed_body",
            NoResourceFoundException.class, "not_found",
            HttpRequestMethodNotSupportedException.class, "method_not_allowed");

    /** The status of each kind of refusal; the kinds are disjoint, so their order does not matter. */
    private static final Map<Class<? extends GatewayException>, HttpStatus> KIND_STATUSES = Map.of(
            InvalidRequestException.class, HttpStatus.BAD_REQUEST,
            NotAuthenticatedException.class, HttpStatus.UNAUTHORIZED,
            NotFoundException.class, HttpStatus.NOT_FOUND,
            ConflictException.class, HttpStatus.CONFLICT,
            TooLargeException.class, HttpStatus.PAYLOAD_TOO_LARGE,
            UnsupportedMediaException.class, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            RangeNotSatisfiableException.class, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
            InternalFailureException.class, HttpStatus.INTERNAL_SERVER_ERROR,
            UnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE,
            StillRunningException.class, HttpStatus.GATEWAY_TIMEOUT);

    private final MeterRegistry meters;

    ProblemHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(GatewayException.class)
    ResponseEntity<Object> refused(GatewayException e) {
        return respond(statusOf(e), e.code(), e.getMessage(), headersOf(e));
    }

    /** Text or voice parameters the synthesis core refuses, with its code. */
    @ExceptionHandler(SynthesisException.class)
    ResponseEntity<Object> synthesis(SynthesisException e) {
        return respond(SynthesisProblems.status(e.code()), e.codeName(), e.getMessage(), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return respond(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal_error",
                "The gateway failed to handle the request; the error was logged.",
                HttpHeaders.EMPTY);
    }

    /** A body that could not be read because it was over the limit ({@link BodyTooLargeException}) is 413. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return respond(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "body_too_large",
                        "The body is larger than the " + tooLarge.limit() + "-byte limit for this request.",
                        HttpHeaders.EMPTY);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /**
     * A parameter whose converter refused its value ({@code ?wait=61}) answers with the converter's own refusal;
     * any other value Spring could not convert is a plain 400.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof GatewayException refusal) {
                return refused(refusal);
            }
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    /** Spring's own exceptions arrive here with a status and a detail already chosen. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail problem ? problem.getDetail() : ex.getMessage();
        return respond(status, codeFor(ex, status), detail, headers);
    }

    private static HttpStatus statusOf(GatewayException e) {
        if (e instanceof JobFailedException) {
            return SynthesisProblems.status(e.code());
        }
        return KIND_STATUSES.entrySet().stream()
                .filter(kind -> kind.getKey().isInstance(e))
                .findFirst()
                .map(Map.Entry::getValue)
                .orElse(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /** What a client needs besides the problem: the size a range missed, where a job that goes on is followed. */
    private static HttpHeaders headersOf(GatewayException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof RangeNotSatisfiableException range) {
            headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + range.size());
        } else if (e instanceof StillRunningException running) {
            headers.set(HttpHeaders.LOCATION, running.followAt());
        }
        return headers;
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        for (var entry : SPRING_CODES.entrySet()) {
            if (entry.getKey().isInstance(ex)) {
                return entry.getValue();
            }
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT);
    }

    private ResponseEntity<Object> respond(HttpStatusCode status, String code, String detail, HttpHeaders headers) {
        meters.counter("shabdam.problems", "code", code).increment();
        // the one way out for every error: a path an exception named (a temporary file, a model) stays in the log
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, PathRedaction.withoutPaths(detail));
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
