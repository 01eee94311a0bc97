package dev.shabdam.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/form-data body as a client sends it, for tests that upload: {@link #contentType()} goes in the
 * header, {@link #body()} is the request's body.
 */
public record Multipart(String contentType, byte[] body) {

    /**
     * One part: a file, or a plain form field when {@code fileName} is null. The content type is only what a
     * client claims; the gateway reads the bytes.
     */
    public record Part(String name, String fileName, byte[] content, String contentType) {
        public Part(String name, String fileName, byte[] content) {
            this(name, fileName, content, "application/octet-stream");
        }
    }

    /** The parts, in order, under a boundary no test content contains. */
    public static Multipart of(List<Part> parts) {
        String boundary = "shabdam-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(
                    body,
                    "--" + boundary + "\r\n"
                            + "Content-Disposition: form-data; name=\"" + part.name() + "\""
                            + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
                            + "Content-Type: " + part.contentType() + "\r\n\r\n");
            body.writeBytes(part.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
