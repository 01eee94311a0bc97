package dev.shabdam.pipeline.analysis;

import dev.shabdam.testsupport.CommandLineTool;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fixtures and reference measurements from native tools, for the tests that can use them. */
public final class Fixtures {
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");

    private Fixtures() {}

    /** The integrated loudness in the summary of FFmpeg's ebur128 filter (the last "I:" line). */
    public static double ffmpegIntegratedLufs(File file) throws IOException, InterruptedException {
        String out = CommandLineTool.FFMPEG.run(
                "-hide_banner", "-nostats", "-i", file.getPath(), "-af", "ebur128", "-f", "null", "-");
        Matcher m = INTEGRATED.matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            throw new IOException("no integrated loudness in ffmpeg's output: " + out);
        }
        return last.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(last);
    }

    /** A WAV of English speech from espeak-ng, about {@code seconds} long; null without espeak-ng. */
    public static File espeakSpeech(Path dir, double seconds) throws IOException, InterruptedException {
        if (!CommandLineTool.ESPEAK.available()) {
            return null;
        }
        String sentence = "The quick brown fox jumps over the lazy dog while the voice engine listens carefully. ";
        File wav = dir.resolve("speech.wav").toFile();
        CommandLineTool.ESPEAK.run("-v", "en", "-w", wav.getPath(), sentence.repeat((int) Math.ceil(seconds / 4.5)));
        return wav;
    }
}
