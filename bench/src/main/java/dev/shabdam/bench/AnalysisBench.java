package dev.shabdam.bench;

import dev.shabdam.pipeline.analysis.AnalysisOptions;
import dev.shabdam.pipeline.analysis.VoiceAnalyzer;
import dev.shabdam.pipeline.analysis.loudness.Loudness;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.testsupport.CommandLineTool;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code ./shabdam bench analysis}: loudness + true peak of 10 minutes of 48 kHz stereo against
 * {@code ffmpeg -af ebur128=peak=true}, and the whole analysis of a minute of espeak-ng speech.
 * Best of 3 wall-clock runs each. Prints a Markdown table. Needs ffmpeg and espeak-ng on the PATH
 * for their rows; skips a row with the reason otherwise.
 */
public final class AnalysisBench {
    private static final int RUNS = 3;
    private static final int RATE = 48000;
    private static final int MINUTES = 10;

    private AnalysisBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shabdam-bench-");
        List<String> rows = new ArrayList<>();
        DecodedAudio programme = programme();
        File wav = dir.resolve("programme.wav").toFile();
        WavWriter.write(wav.toPath(), programme, WavWriter.Encoding.PCM_16);
        AudioDecoder decoder = new AudioDecoder();
        LoudnessMeter meter = new LoudnessMeter();

        double ours = bestOf(() -> meter.measure(programme));
        double oursDecoded = bestOf(() -> loudnessBlockByBlock(decoder, meter, wav));
        double decodeOnly = bestOf(() -> loudnessBlockByBlock(decoder, null, wav));
        DecodedAudio fadeIn = fadedIn(programme);
        double worstCase = bestOf(() -> meter.measure(fadeIn));
        Double ffmpeg = CommandLineTool.FFMPEG.available()
                ? bestOf(() -> CommandLineTool.FFMPEG.run(
                        "-hide_banner", "-nostats", "-i", wav.getPath(), "-af", "ebur128=peak=true", "-f", "null", "-"))
                : null;
        String ffmpegCell = ffmpeg == null ? "ffmpeg not installed" : ms(ffmpeg);
        rows.add(row("ffmpeg `-af ebur128=peak=true` (decode + measure, subprocess)", ffmpegCell, ffmpeg, ffmpeg));
        rows.add(row("ours: loudness + LRA + true peak, decode excluded", ms(ours), ours, ffmpeg));
        rows.add(row(
                "ours: decode (javacv, WAV → float, block by block) + loudness + true peak",
                ms(oursDecoded),
                oursDecoded,
                ffmpeg));
        rows.add(row("ours: decode only (block by block)", ms(decodeOnly), decodeOnly, ffmpeg));
        rows.add(row(
                "ours: loudness + true peak of the same audio under a 10-min fade-in (true-peak skip defeated)",
                ms(worstCase),
                worstCase,
                ffmpeg));

        File speech = CommandLineTool.ESPEAK.available() ? speech(dir) : null;
        if (speech != null) {
            DecodedAudio audio = decoder.decode(speech);
            VoiceAnalyzer analyzer = new VoiceAnalyzer();
            double analysis = bestOf(() -> analyzer.analyze(audio, AnalysisOptions.DEFAULT));
            double withDecode = bestOf(() -> {
                try (AudioBlocks blocks = decoder.open(speech)) {
                    return analyzer.analyze(blocks, AnalysisOptions.DEFAULT);
                }
            });
            String label =
                    String.format("%.1f s espeak-ng speech, %d Hz mono", audio.durationSec(), audio.sampleRate());
            rows.add(row("ours: whole analysis of " + label + ", decode excluded", ms(analysis), null, null));
            rows.add(row("ours: whole analysis of " + label + ", decode included", ms(withDecode), null, null));
        } else {
            rows.add("| whole analysis of 1 min speech | espeak-ng not installed | |");
        }
        System.out.printf(
                "%n%d min of %d Hz stereo (16-bit WAV), best of %d, %s, %d cores%n%n",
                MINUTES,
                RATE,
                RUNS,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| what | time | vs ffmpeg |");
        System.out.println("|---|---:|---:|");
        rows.forEach(System.out::println);
        ScratchFolder.delete(dir);
    }

    /** What an ANALYZE job does for loudness: decode block by block and measure each block; only decode without a meter. */
    private static Loudness loudnessBlockByBlock(AudioDecoder decoder, LoudnessMeter meter, File wav) throws Exception {
        try (AudioBlocks blocks = decoder.open(wav)) {
            LoudnessMeter.Measurement measurement =
                    meter == null ? null : meter.start(blocks.sampleRate(), blocks.channelCount());
            for (DecodedAudio block; (block = blocks.next()) != null; ) {
                if (measurement != null) {
                    measurement.add(block);
                }
            }
            return measurement == null ? null : measurement.result();
        }
    }

    /** Pink-ish noise (three one-pole bands) plus 220/1000/3150 Hz tones, in syllable-like bursts. */
    private static DecodedAudio programme() {
        int frames = RATE * 60 * MINUTES;
        float[][] channels = new float[2][frames];
        Random random = new Random(42);
        for (int c = 0; c < 2; c++) {
            double b0 = 0, b1 = 0, b2 = 0;
            for (int i = 0; i < frames; i++) {
                double white = random.nextGaussian();
                b0 = 0.997 * b0 + 0.029591 * white;
                b1 = 0.985 * b1 + 0.032534 * white;
                b2 = 0.950 * b2 + 0.048056 * white;
                double t = i / (double) RATE;
                double tones = 0.1 * Math.sin(2 * Math.PI * 220 * t)
                        + 0.05 * Math.sin(2 * Math.PI * 1000 * t)
                        + 0.02 * Math.sin(2 * Math.PI * 3150 * t + c);
                double burst = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t) * Math.sin(2 * Math.PI * 0.3 * t);
                channels[c][i] = (float) (burst * (0.15 * (b0 + b1 + b2) + tones));
            }
        }
        return new DecodedAudio(RATE, channels);
    }

    private static DecodedAudio fadedIn(DecodedAudio audio) {
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            float[] x = audio.channels()[c];
            out[c] = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[c][i] = x[i] * (i + 1f) / x.length;
            }
        }
        return new DecodedAudio(audio.sampleRate(), out);
    }

    private static File speech(Path dir) throws IOException, InterruptedException {
        String[] sentences = {
            "Shabdam listens to a recording and tells you how loud it is and how clearly it was spoken.",
            "The quick brown fox jumps over the lazy dog, and then it runs back into the forest.",
            "A good podcast voice is steady, not too fast, and well above the noise of the room.",
            "Please check the level of your microphone before you start the interview tomorrow morning.",
            "Every sentence we speak carries a melody, a rhythm and a colour of its own."
        };
        StringBuilder text = new StringBuilder();
        for (int repeat = 0; repeat < 4; repeat++) {
            for (String s : sentences) {
                text.append(s).append(' ');
            }
        }
        File wav = dir.resolve("speech.wav").toFile();
        CommandLineTool.ESPEAK.run("-v", "en", "-w", wav.getPath(), text.toString());
        return wav;
    }

    private interface Task {
        Object run() throws Exception;
    }

    private static double bestOf(Task task) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private static String row(String what, String time, Double ms, Double ffmpegMs) {
        String ratio = ms == null || ffmpegMs == null ? "" : String.format("%.2f×", ms / ffmpegMs);
        return "| " + what + " | " + time + " | " + ratio + " |";
    }

    private static String ms(double ms) {
        return String.format("%.0f ms", ms);
    }
}
