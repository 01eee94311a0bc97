package dev.shabdam.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Media;
import dev.shabdam.gateway.Speech;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.testsupport.Multipart;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Bodies meet their limits as they arrive: a JSON body by its Content-Length before a byte is read, or as its
 * chunks are read; an audio part at the audio limit while it streams, never spooled up to the video limit
 * first. The raw-socket tests send less than they announce and wait: an answer can only come if the
 * gateway refused without waiting for the rest.
 */
class BodyLimitsTest extends GatewayTestSupport {
    /** The gateway's default JSON limit (the test context keeps it). */
    private static final int JSON_LIMIT = 64 * 1024;

    @Test
    void aJsonBodyOverTheLimitIsRefusedBeforeItIsReadAndNothingIsQueued() throws IOException {
        String head = "POST /voice/generate HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + KEY_QUIET
                + "\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n";
        RawAnswer answer = sendAndWait(head.getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.problem().get("code").asText()).isEqualTo("body_too_large");
        assertThat(answer.problem().get("detail").asText()).contains(Integer.toString(JSON_LIMIT));
        // other tests' requests may still arrive on the shared broker; none of them is this tenant's
        assertThat(requests()).noneMatch(r -> QUIET_TENANT.equals(r.tenantId()));
    }

    @Test
    void aChunkedJsonBodyIsCutOffAtTheLimit() {
        byte[] body = ("{\"name\":\"" + "x".repeat(JSON_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/voice/personas", "/voice/generate", "/voice/normalize"}) {
            HttpResponse<byte[]> response = http.send(http.request(path, KEY_A)
                    .header("Content-Type", "application/json")
                    // no length known up front: the client sends it chunked
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build());
            assertProblem(response, 413, "body_too_large");
        }
    }

    @Test
    void aBodyUnderTheLimitIsRead() {
        HttpResponse<byte[]> response = http.send(Speech.json(
                        http, "/voice/normalize", KEY_A, "{\"text\":\"" + "അ".repeat(5_000) + "\",\"language\":\"ml\"}")
                .build());
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
    }

    @Test
    void anAudioPartIsRefusedAtTheAudioLimitWhileTheBodyIsStillArriving() throws IOException {
        int before = storedFiles();
        // 80 KB of WAV: over the 64 KB audio limit, under the 256 KB video limit; the body announces 200 KB
        byte[] part = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long.wav\"\r\n"
                        + "Content-Type: audio/wav\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("POST /voice/analyze HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + KEY_A
                        + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 200000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.writeBytes(head);
        sent.writeBytes(part);
        sent.writeBytes(Media.wav(40_000));

        RawAnswer answer = sendAndWait(sent.toByteArray());

        assertThat(answer.status()).as(answer.text()).isEqualTo(413);
        assertThat(answer.problem().get("code").asText()).isEqualTo("file_too_large");
        assertThat(answer.problem().get("detail").asText()).contains("'file'", "65536");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void anUploadsFormFieldIsBoundedToo() {
        int before = storedFiles();
        HttpResponse<byte[]> response = http.upload(
                "/voice/dub",
                KEY_A,
                java.util.List.of(
                        new Multipart.Part("file", "clip.wav", Media.wav(1600)),
                        new Multipart.Part("voiceId", null, "x".repeat(20_000).getBytes(StandardCharsets.US_ASCII))));
        assertProblem(response, 413, "body_too_large");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void anUploadOfMorePartsThanAnyFormIsRefused() {
        int before = storedFiles();
        java.util.List<Multipart.Part> parts = new java.util.ArrayList<>();
        parts.add(new Multipart.Part("file", "clip.wav", Media.wav(1600)));
        for (int k = 0; k < 40; k++) {
            parts.add(new Multipart.Part("field" + k, null, "v".getBytes(StandardCharsets.US_ASCII)));
        }
        assertProblem(http.upload("/voice/analyze", KEY_A, parts), 400, "too_many_parts");
        assertThat(storedFiles()).isEqualTo(before);
    }

    /** Writes {@code bytes} and, without sending the rest of the body, reads the answer (10 s at most). */
    private RawAnswer sendAndWait(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                // the answer is a small problem document: read until it closes
                while (!received.toString(StandardCharsets.UTF_8).contains("}")) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                fail("no answer within 10 s while the body was incomplete: the gateway waited for the rest; got "
                        + received.toString(StandardCharsets.UTF_8));
            }
            return new RawAnswer(received.toString(StandardCharsets.UTF_8));
        }
    }

    private record RawAnswer(String text) {
        int status() {
            return Integer.parseInt(text.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        }

        JsonNode problem() throws IOException {
            String body = text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1);
            return RecordCodec.mapper().readTree(body);
        }
    }
}
