package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The HTTP plumbing that both translators share: the client, a JSON POST, a service root. */
final class HttpClients {

    private HttpClients() {}

    /**
     * HTTP/1.1: self-hosted services (vLLM, LibreTranslate) mostly listen on plain http, where the
     * client's default HTTP/2 would first try an h2c upgrade that some of their servers mishandle.
     */
    static HttpClient json() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static HttpRequest.Builder postJson(URI uri, JsonNode body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(RecordCodec.encode(body)));
    }

    /** {@code baseUrl} without trailing slashes, so that paths can be appended; refuses what is not http(s). */
    static String root(String baseUrl) {
        if (baseUrl == null || !baseUrl.strip().matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return baseUrl.strip().replaceAll("/+$", "");
    }
}
