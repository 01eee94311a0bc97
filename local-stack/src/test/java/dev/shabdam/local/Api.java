package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.testsupport.Multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The REST API as a client sees it, for the end-to-end tests. */
final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String apiKey;

    Api(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    HttpResponse<String> upload(String path, String fileName, byte[] content) {
        return upload(path, Map.of("file", new Part(fileName, content)));
    }

    /** A multipart form of files, one per field, in the map's order. */
    HttpResponse<String> upload(String path, Map<String, Part> parts) {
        Multipart form = Multipart.of(parts.entrySet().stream()
                .map(field -> new Multipart.Part(
                        field.getKey(),
                        field.getValue().fileName(),
                        field.getValue().content(),
                        field.getValue().contentType()))
                .toList());
        return send(request(path)
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .build());
    }

    /** A file part of a form, under the field that maps to it; its declared type is only what a client claims. */
    record Part(String fileName, byte[] content, String contentType) {
        Part(String fileName, byte[] content) {
            this(fileName, content, "application/octet-stream");
        }
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path, String range) {
        HttpRequest.Builder builder = request(path).GET();
        if (range != null) {
            builder.header("Range", range);
        }
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return RecordCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(90));
        return apiKey == null ? builder : builder.header("X-Api-Key", apiKey);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
