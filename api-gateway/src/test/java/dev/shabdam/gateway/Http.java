package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A plain JDK HTTP client against the running gateway, as an API client would call it. */
final class Http {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        return builder;
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    HttpResponse<byte[]> get(String path, String apiKey) {
        return send(request(path, apiKey).GET().build());
    }

    /** POSTs one file part named {@code file} as multipart/form-data. */
    HttpResponse<byte[]> upload(String path, String apiKey, String fileName, byte[] content) {
        return send(uploadRequest(path, apiKey, fileName, content).build());
    }

    HttpRequest.Builder uploadRequest(String path, String apiKey, String fileName, byte[] content) {
        return uploadRequest(path, apiKey, List.of(new Part("file", fileName, content)));
    }

    /** POSTs the file parts as multipart/form-data, in order. */
    HttpResponse<byte[]> upload(String path, String apiKey, List<Part> parts) {
        return send(uploadRequest(path, apiKey, parts).build());
    }

    HttpRequest.Builder uploadRequest(String path, String apiKey, List<Part> parts) {
        String boundary = "----shabdam" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(
                    body,
                    "--" + boundary + "\r\n"
                            + "Content-Disposition: form-data; name=\"" + part.name() + "\""
                            + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(part.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return request(path, apiKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    /** One part of a multipart upload: a file, or a plain form field when {@code fileName} is null. */
    record Part(String name, String fileName, byte[] content) {}

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return RecordCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
