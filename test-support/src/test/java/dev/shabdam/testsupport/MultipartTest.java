package dev.shabdam.testsupport;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartTest {

    @Test
    void writesFilesAndFieldsInOrderUnderTheBoundaryOfItsContentType() {
        Multipart form = Multipart.of(List.of(
                new Multipart.Part("file", "a.wav", new byte[] {1, 2}),
                new Multipart.Part("voiceId", null, "meera".getBytes(StandardCharsets.UTF_8)),
                new Multipart.Part(
                        "subtitles", "en.srt", "1".getBytes(StandardCharsets.UTF_8), "application/x-subrip")));

        assertThat(form.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = form.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(new String(form.body(), StandardCharsets.ISO_8859_1))
                .isEqualTo("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"
                        + "\u0001\u0002\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"voiceId\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n"
                        + "meera\r\n"
                        + "--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"subtitles\"; filename=\"en.srt\"\r\n"
                        + "Content-Type: application/x-subrip\r\n\r\n"
                        + "1\r\n"
                        + "--" + boundary + "--\r\n");
    }

    @Test
    void everyFormHasABoundaryOfItsOwn() {
        List<Multipart.Part> parts = List.of(new Multipart.Part("file", "a.wav", new byte[0]));

        assertThat(Multipart.of(parts).contentType())
                .isNotEqualTo(Multipart.of(parts).contentType());
    }
}
