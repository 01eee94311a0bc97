package dev.shabdam.gateway.problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error the API reports as a problem detail with a machine-readable {@code code}. Thrown by
 * controllers and services; {@link ProblemHandler} turns it into the response.
 */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final HttpHeaders headers;

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, HttpHeaders.EMPTY, null);
    }

    public ApiProblem(HttpStatus status, String code, String detail, HttpHeaders headers, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
