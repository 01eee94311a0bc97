package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.shabdam.schemas.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * How a translator calls its JSON service: each attempt may take {@code requestTimeout}; a failure that
 * may pass (no connection, a timeout, HTTP 429 or 5xx, an invalid answer) is tried again after
 * {@code baseDelay}, doubling, or after the service's {@code Retry-After}, up to {@code attempts} in all.
 * Any other 4xx fails at once: asking again with the same key and body gets the same answer.
 */
public record HttpRetry(int attempts, Duration baseDelay, Duration requestTimeout) {

    public static final HttpRetry DEFAULT = new HttpRetry(3, Duration.ofMillis(500), Duration.ofSeconds(60));

    /** The longest pause between attempts, whatever the backoff or the service asks: a job must not hang. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(HttpRetry.class);
    private static final int EXCERPT_CHARS = 200;
    private static final ObjectReader STRICT_JSON =
            RecordCodec.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public HttpRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative: " + baseDelay);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    /** Turns a service's 2xx JSON body into the result, or refuses it as invalid. */
    @FunctionalInterface
    interface AnswerReader<T> {
        T read(JsonNode body) throws InvalidAnswerException;
    }

    /** Sends the request until {@code reader} accepts an answer, or fails for good. */
    <T> T send(HttpClient client, HttpRequest.Builder builder, AnswerReader<T> reader) throws TranslationException {
        HttpRequest request = builder.timeout(requestTimeout).build();
        String target = request.method() + " " + request.uri();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(client, request, target, reader, attempt);
            } catch (TransientFailure failure) {
                if (attempt == attempts) {
                    throw new TranslationException(target + " failed after " + attempts + " attempt"
                            + (attempts == 1 ? "" : "s") + ", the last: " + failure.getMessage());
                }
                LOG.warn(
                        "{} attempt {} of {} failed, trying again in {} ms: {}",
                        target,
                        attempt,
                        attempts,
                        failure.wait.toMillis(),
                        failure.getMessage());
                pause(failure.wait, target);
            }
        }
    }

    private <T> T attempt(HttpClient client, HttpRequest request, String target, AnswerReader<T> reader, int attempt)
            throws TransientFailure, TranslationException {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientFailure("no answer: " + describe(e), backoff(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(target + " was interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return reader.read(json(response.body()));
            } catch (InvalidAnswerException e) {
                throw new TransientFailure("invalid answer: " + e.getMessage(), backoff(attempt));
            }
        }
        String problem = "HTTP " + status + ": " + excerpt(response.body());
        if (status == 429 || status >= 500) {
            throw new TransientFailure(problem, retryAfter(response).orElse(backoff(attempt)));
        }
        throw new TranslationException(
                target + " was refused on attempt " + attempt + " of " + attempts + ", not retried: " + problem);
    }

    /** Reads a whole body as one JSON object; anything else is an invalid answer. */
    static JsonNode json(String text) throws InvalidAnswerException {
        try {
            JsonNode node = STRICT_JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidAnswerException("not a JSON object: " + excerpt(text));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("not JSON (" + e.getOriginalMessage() + "): " + excerpt(text));
        }
    }

    /** The start of a body on one line, enough to tell an error page from an error object. */
    static String excerpt(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "…";
    }

    private Duration backoff(int attempt) {
        Duration wait = baseDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is rare enough to fall back to the backoff. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .map(wait -> wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
    }

    private static void pause(Duration wait, String target) throws TranslationException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(target + " was interrupted between attempts", e);
        }
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    /** A failed attempt that another attempt, after {@code wait}, may get past. */
    private static final class TransientFailure extends Exception {
        final Duration wait;

        TransientFailure(String problem, Duration wait) {
            super(problem, null, false, false);
            this.wait = wait;
        }
    }
}
