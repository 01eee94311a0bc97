package dev.shabdam.pipeline.dubbing.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server on a free port that stands in for a translation service: it records every request
 * and answers through a handler that speaks the service's protocol. A request to any other path gets
 * 404, as from the real service.
 */
final class StubServer implements AutoCloseable {

    /** A request as received; {@code number} counts from 1. */
    record Request(int number, String method, String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return RecordCodec.readTree(body);
        }
    }

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String json) {
            return new Reply(200, json, Map.of());
        }

        static Reply status(int status, String json) {
            return new Reply(status, json, Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    StubServer(String path, Function<Request, Reply> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, path, handler));
        server.start();
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, String path, Function<Request, Reply> handler) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            Request request = new Request(
                    requests.size() + 1,
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply = request.path().equals(path) && request.method().equals("POST")
                    ? handle(handler, request)
                    : Reply.status(404, "{\"error\":\"Not Found\"}");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** A handler that throws is a broken test: its message comes back as a 500 to show up in the failure. */
    private static Reply handle(Function<Request, Reply> handler, Request request) {
        try {
            return handler.apply(request);
        } catch (RuntimeException e) {
            return Reply.status(
                    500,
                    RecordCodec.mapper()
                            .createObjectNode()
                            .put("error", "stub handler: " + e)
                            .toString());
        }
    }
}
