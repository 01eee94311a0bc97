package dev.shabdam.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** {@code multipart/form-data} bodies as a client sends them, for the server and for MockMvc alike. */
public final class Multipart {

    private Multipart() {
    }

    /** One part: a file, or a plain form field when {@code fileName} is null. */
    public record Part(String name, String fileName, byte[] content) {

        public static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, content);
        }
    }

    /** A whole body and the content type that names its boundary. */
    public record Body(String contentType, byte[] bytes) {
    }

    /** The parts, in order. */
    public static Body of(List<Part> parts) {
        String boundary = "----shabdam" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            write(body, "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(part.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
