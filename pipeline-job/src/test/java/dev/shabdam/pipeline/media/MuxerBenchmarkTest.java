package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our mux against {@code ffmpeg -c:v copy -c:a aac} on a 5-minute clip, best of 3 each. Opt-in
 * ({@code SHABDAM_BENCH=1}): it spends a minute making the clip. Prints a Markdown table.
 */
class MuxerBenchmarkTest {
    private static final int RATE = 48_000;
    private static final double SECONDS = 300;

    @Test
    void muxAgainstFfmpegCli(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv("SHABDAM_BENCH") != null, "skipped: set SHABDAM_BENCH=1 to run the mux benchmark");
        Path video = TestMedia.mp4(dir.resolve("in.mp4"), SECONDS);
        float[][] dub = new float[2][(int) (RATE * SECONDS)];
        for (int i = 0; i < dub[0].length; i++) {
            dub[0][i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * i / RATE) + 0.05 * Math.sin(2 * Math.PI * 3100 * i / RATE));
            dub[1][i] = (float) (0.2 * Math.sin(2 * Math.PI * 330 * i / RATE));
        }
        Path wav = dir.resolve("dub.wav");
        WavWriter.write(wav, new DecodedAudio(RATE, dub), WavWriter.Encoding.PCM_16);

        long ours = Long.MAX_VALUE;
        long cli = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            Muxer.mux(video, dub, RATE, dir.resolve("ours.mp4"), false);
            ours = Math.min(ours, System.nanoTime() - start);
            cli = Math.min(cli, ffmpeg(video, wav, dir.resolve("cli.mp4")));
        }
        System.out.printf("| mux of %.0f s (320x240 MPEG-4 + 48 kHz stereo dub → AAC 128k) | best of 3 |%n|---|---|%n"
                        + "| Muxer.mux (javacv, in-memory float dub) | %d ms |%n"
                        + "| ffmpeg -c:v copy -c:a aac (dub from WAV) | %d ms |%n| ratio ours / ffmpeg | %.2f |%n",
                SECONDS, ours / 1_000_000, cli / 1_000_000, ours / (double) cli);
    }

    /** Wall time of the CLI mux in ns; skips the test when there is no ffmpeg. */
    private static long ffmpeg(Path video, Path wav, Path out) throws Exception {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", video.toString(),
                    "-i", wav.toString(), "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-c:a", "aac", out.toString())
                    .inheritIO().start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "skipped: no ffmpeg command (apt-get install ffmpeg)");
            throw e;
        }
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
        return System.nanoTime() - start;
    }
}
