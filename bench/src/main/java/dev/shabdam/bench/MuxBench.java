package dev.shabdam.bench;

import dev.shabdam.local.SampleMaker;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.Muxer;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.testsupport.CommandLineTool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./shabdam bench mux}: our stream-copy mux of a dubbed track against
 * {@code ffmpeg -i in.mp4 -i dub.wav -map 0:v -map 1:a -c:v copy -c:a aac} on the same 5-minute clip,
 * best of 3 each, side by side in one run. Prints a Markdown table.
 */
public final class MuxBench {
    private static final int RATE = 48_000;
    private static final int SECONDS = 300;

    private MuxBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shabdam-mux-bench-");
        float[][] dub = new float[2][RATE * SECONDS];
        for (int i = 0; i < dub[0].length; i++) {
            dub[0][i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * i / RATE));
            dub[1][i] = (float) (0.2 * Math.sin(2 * Math.PI * 330 * i / RATE));
        }
        Path wav = dir.resolve("dub.wav");
        DecodedAudio track = new DecodedAudio(RATE, dub);
        WavWriter.write(wav, track, WavWriter.Encoding.PCM_16);
        System.err.println("making a " + SECONDS + " s test video …");
        Path video = SampleMaker.video(wav, dir.resolve("in.mp4"));

        Timing best = bestOfThree(video, track, wav, dir);
        System.out.printf(
                "%n| mux of %d s (640x360 MPEG-4 + 48 kHz stereo dub → AAC) | best of 3 | ratio |%n|---|---:|---:|%n",
                SECONDS);
        System.out.printf("| ffmpeg -c:v copy -c:a aac (dub from WAV) | %d ms | 1.00× |%n", best.ffmpegMs());
        System.out.printf("| Muxer.mux (javacv, dub as floats) | %d ms | %.2f× |%n", best.oursMs(), best.ratio());
        ScratchFolder.delete(dir);
    }

    /** The best of three runs each, milliseconds: ours, and ffmpeg's on the same files. */
    record Timing(long oursMs, long ffmpegMs) {
        double ratio() {
            return oursMs / (double) ffmpegMs;
        }
    }

    /** Muxes {@code dub} beside {@code video}'s picture three times each, ours and ffmpeg's (reading {@code dubWav}), alternately. */
    static Timing bestOfThree(Path video, DecodedAudio dub, Path dubWav, Path dir) throws Exception {
        long ours = Long.MAX_VALUE;
        long ffmpeg = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long begin = System.nanoTime();
            Muxer.mux(video, dub.channels(), dub.sampleRate(), dir.resolve("ours.mp4"), false);
            ours = Math.min(ours, System.nanoTime() - begin);
            ffmpeg = Math.min(ffmpeg, ffmpeg(video, dubWav, dir.resolve("ffmpeg.mp4")));
        }
        return new Timing(ours / 1_000_000, ffmpeg / 1_000_000);
    }

    private static long ffmpeg(Path video, Path wav, Path out) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        CommandLineTool.FFMPEG.run(
                "-nostdin",
                "-loglevel",
                "error",
                "-y",
                "-i",
                video.toString(),
                "-i",
                wav.toString(),
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-c:v",
                "copy",
                "-c:a",
                "aac",
                out.toString());
        return System.nanoTime() - begin;
    }
}
