package dev.shabdam.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathRedactionTest {

    @Test
    void absolutePathsKeepOnlyTheirFileName() {
        assertThat(
                        PathRedaction.withoutPaths(
                                "avformat_open_input() error -1094995529: Could not open input \"/tmp/shabdam-media-81/input.mp4\""))
                .isEqualTo("avformat_open_input() error -1094995529: Could not open input \"input.mp4\"");
        assertThat(PathRedaction.withoutPaths(
                        "Voice 'x' is not installed: /opt/shabdam/models/piper/x.onnx is missing"))
                .isEqualTo("Voice 'x' is not installed: x.onnx is missing");
        assertThat(PathRedaction.withoutPaths("java.nio.file.NoSuchFileException: /etc/hostname"))
                .isEqualTo("java.nio.file.NoSuchFileException: hostname");
    }

    @Test
    void uriAndWindowsPathsToo() {
        assertThat(PathRedaction.withoutPaths("reading file:/var/lib/shabdam/objects/uploads/t/j/input.wav failed"))
                .isEqualTo("reading input.wav failed");
        assertThat(PathRedaction.withoutPaths("GET s3://media-bucket/uploads/t/j/a.wav: 403"))
                .isEqualTo("GET a.wav: 403");
        assertThat(PathRedaction.withoutPaths("C:\\Users\\me\\models\\voice.onnx is missing"))
                .isEqualTo("voice.onnx is missing");
        assertThat(PathRedaction.withoutPaths("cannot list /srv/models/")).isEqualTo("cannot list ");
    }

    @Test
    void textThatIsNotAPathStays() {
        String text =
                "not a readable audio or video file: unknown format; speed must be 0.5–2.0, not 3; 1/2 of the lines; "
                        + "ഒന്ന്/രണ്ട്/മൂന്ന്; and/or; see /jobs";
        assertThat(PathRedaction.withoutPaths(text)).isEqualTo(text);
        assertThat(PathRedaction.withoutPaths(null)).isNull();
    }
}
