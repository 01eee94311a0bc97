package dev.shabdam.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A media file's video packets, as ffmpeg's framemd5 muxer lists them for a stream copy. */
final class VideoPackets {
    private VideoPackets() {}

    /** The MD5 of every video packet, in order. */
    static List<String> hashes(Path media) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-loglevel",
                        "error",
                        "-i",
                        media.toString(),
                        "-map",
                        "0:v",
                        "-c",
                        "copy",
                        "-f",
                        "framemd5",
                        "-")
                .start();
        String listing = new String(ffmpeg.getInputStream().readAllBytes());
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();
        return listing.lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.substring(line.lastIndexOf(',') + 1).strip())
                .toList();
    }
}
