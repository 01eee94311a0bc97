package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.testsupport.Multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A plain JDK HTTP client against the running gateway, as an API client would call it. */
public final class Http {
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        return builder;
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return client;
    }

    public HttpResponse<byte[]> get(String path, String apiKey) {
        return send(request(path, apiKey).GET().build());
    }

    /** POSTs one file part named {@code file} as multipart/form-data. */
    public HttpResponse<byte[]> upload(String path, String apiKey, String fileName, byte[] content) {
        return send(uploadRequest(path, apiKey, fileName, content).build());
    }

    public HttpRequest.Builder uploadRequest(String path, String apiKey, String fileName, byte[] content) {
        return uploadRequest(path, apiKey, List.of(new Multipart.Part("file", fileName, content)));
    }

    /** POSTs the parts as multipart/form-data, in order. */
    public HttpResponse<byte[]> upload(String path, String apiKey, List<Multipart.Part> parts) {
        return send(uploadRequest(path, apiKey, parts).build());
    }

    public HttpRequest.Builder uploadRequest(String path, String apiKey, List<Multipart.Part> parts) {
        Multipart body = Multipart.of(parts);
        return request(path, apiKey)
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        return json(response.body());
    }

    public static JsonNode json(byte[] body) {
        try {
            return RecordCodec.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
