package dev.shabdam.pipeline.watermark;

import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.schemas.jobs.WatermarkId;
import dev.shabdam.testsupport.CommandLineTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The numbers for the watermark, on 50 real outputs (espeak-ng speech in several languages and
 * voices, and {@code jfk.flac}): each marked with its own job's payload must stay 35 dB under the audio
 * and move its loudness by less than 0.1 LU; after MP3 at 64 kbps and resampling to 16 kHz (real FFmpeg:
 * all outputs, marked and unmarked, in one file, so one encode serves all), ±6 dB of gain and a 10 s excerpt at
 * an arbitrary offset, 99 % or more must be found with the right payload; and none of the 50 unmarked
 * recordings, through the same chain, may be reported marked.
 */
class WatermarkRobustnessTest {
    private static final File JFK = new File("/work/shared/samples/jfk.flac");
    private static final int OUTPUTS = 50;
    private static final int GAP_SECONDS = 1;
    private static final int EXCERPT_SECONDS = 10;
    private static final String[] VOICES = {
        "en", "en-us", "ml", "hi", "ta", "en-gb-scotland", "de", "fr-fr", "es", "kn", "te", "bn"
    };
    private static final String[] VARIANTS = {"", "+m3", "+f2", "+m7", "+f4", "+klatt2"};
    private static final String[] SENTENCES = {
        "The committee will meet again on Thursday to review the budget for the coming year.",
        "ഇന്ന് രാവിലെ പത്തു മണിക്ക് യോഗം ആരംഭിക്കും, എല്ലാവരും കൃത്യസമയത്ത് എത്തണം.",
        "Please remember to bring your identity card and a copy of the application form.",
        "മഴ കാരണം നാളത്തെ പരിപാടികൾ എല്ലാം മാറ്റിവെച്ചിരിക്കുന്നു.",
        "Our train leaves from platform seven at a quarter past six in the evening.",
        "കുട്ടികൾ സ്കൂളിൽ നിന്ന് തിരിച്ചെത്തിയപ്പോൾ അമ്മ ചായ ഉണ്ടാക്കി വെച്ചിരുന്നു.",
        "The weather service expects heavy rain along the coast for the rest of the week.",
        "Thank you for calling, your request has been received and will be answered shortly.",
    };

    private static final WatermarkKey KEY = new WatermarkKey(WatermarkKey.DEVELOPMENT);

    @TempDir
    static Path folder;

    private static final List<float[]> originals = new ArrayList<>();
    private static final List<float[]> marked = new ArrayList<>();
    private static int rate;

    @BeforeAll
    static void makeOutputs() throws Exception {
        assumeTrue(
                CommandLineTool.ESPEAK.available() && CommandLineTool.FFMPEG.available(),
                "skipped: espeak-ng and ffmpeg are needed to make and code the material");
        AudioDecoder decoder = new AudioDecoder();
        rate = 22_050;
        for (int i = 0; i < OUTPUTS; i++) {
            File wav = folder.resolve("speech-" + i + ".wav").toFile();
            if (i >= OUTPUTS - 2 && JFK.isFile()) {
                // real speech: the recording as it is, and lowered in pitch by playing it slower
                String filter = i == OUTPUTS - 1 ? "asetrate=14000,aresample=22050" : "aresample=22050";
                CommandLineTool.FFMPEG.run(
                        "-v", "error", "-y", "-i", JFK.getPath(), "-ac", "1", "-af", filter, wav.getPath());
            } else {
                String text = SENTENCES[i % SENTENCES.length] + " " + SENTENCES[(i + 3) % SENTENCES.length] + " "
                        + SENTENCES[(i + 5) % SENTENCES.length];
                String voice = VOICES[i % VOICES.length] + VARIANTS[(i / VOICES.length) % VARIANTS.length];
                CommandLineTool.ESPEAK.run(
                        "-v", voice, "-s", String.valueOf(140 + 7 * (i % 6)), "-w", wav.getPath(), text);
            }
            float[] speech = decoder.decode(wav, rate, 1).channels()[0];
            originals.add(speech);
            marked.add(new Watermarker(KEY, WatermarkId.of(jobId(i))).mark(speech, rate));
        }
    }

    @Test
    void theMarkIsThirtyFiveDecibelsUnderTheAudioAndDoesNotChangeItsLoudness() {
        LoudnessMeter meter = new LoudnessMeter();
        double worstSnr = Double.MAX_VALUE;
        double worstLoudness = 0;
        for (int i = 0; i < OUTPUTS; i++) {
            float[] x = originals.get(i);
            float[] y = marked.get(i);
            double signal = 0;
            double noise = 0;
            for (int n = 0; n < x.length; n++) {
                signal += (double) x[n] * x[n];
                noise += (double) (y[n] - x[n]) * (y[n] - x[n]);
            }
            double snr = 10 * Math.log10(signal / noise);
            double change = Math.abs(meter.measure(DecodedAudio.mono(rate, y)).integratedLufs()
                    - meter.measure(DecodedAudio.mono(rate, x)).integratedLufs());
            worstSnr = Math.min(worstSnr, snr);
            worstLoudness = Math.max(worstLoudness, change);
        }
        System.out.printf(
                "watermark: worst SNR %.1f dB, worst loudness change %.3f LU over %d outputs%n",
                worstSnr, worstLoudness, OUTPUTS);
        assertThat(worstSnr).isGreaterThanOrEqualTo(35);
        assertThat(worstLoudness).isLessThan(0.1);
    }

    @Test
    void afterMp3ResamplingGainAndAnExcerptTheMarkAndItsJobAreFoundAndUnmarkedAudioIsNot() throws Exception {
        List<float[]> all = new ArrayList<>(marked);
        all.addAll(originals);
        long[] starts = new long[all.size()];
        float[] joined = join(all, starts);
        File wav = folder.resolve("all.wav").toFile();
        File mp3 = folder.resolve("all.mp3").toFile();
        WavWriter.write(wav.toPath(), DecodedAudio.mono(rate, joined), WavWriter.Encoding.PCM_16);
        CommandLineTool.FFMPEG.run(
                "-v", "error", "-y", "-i", wav.getPath(), "-c:a", "libmp3lame", "-b:a", "64k", mp3.getPath());
        int low = 16_000;
        float[] coded = new AudioDecoder().decode(mp3, low, 1).channels()[0];

        SplittableRandom random = new SplittableRandom(12);
        WatermarkDetector detector = new WatermarkDetector(KEY);
        int found = 0;
        int rightJob = 0;
        int falseAlarms = 0;
        double weakest = Double.MAX_VALUE;
        double strongestUnmarked = 0;
        for (int i = 0; i < all.size(); i++) {
            int length = (int) ((long) all.get(i).length * low / rate);
            int excerpt = Math.min(length, EXCERPT_SECONDS * low);
            long from = starts[i] * low / rate + random.nextInt(Math.max(1, length - excerpt + 1));
            double gain = Math.pow(10, (i % 2 == 0 ? 6 : -6) / 20.0);
            float[] cut = Arrays.copyOfRange(coded, (int) from, (int) from + excerpt);
            for (int n = 0; n < cut.length; n++) {
                cut[n] *= (float) gain;
            }
            WatermarkDetection detection = detector.detect(cut, low);
            if (i < OUTPUTS) {
                weakest = Math.min(weakest, detection.score());
                found += detection.watermarked() ? 1 : 0;
                rightJob += detection.payload().equals(OptionalInt.of(WatermarkId.of(jobId(i)))) ? 1 : 0;
            } else {
                strongestUnmarked = Math.max(strongestUnmarked, detection.score());
                falseAlarms += detection.watermarked() ? 1 : 0;
            }
        }
        System.out.printf(
                "watermark after MP3 64 kbps, 16 kHz, ±6 dB, 10 s excerpts: %d/%d found (weakest score %.1f),"
                        + " %d/%d with their job; unmarked: %d/%d false alarms (strongest score %.1f)%n",
                found, OUTPUTS, weakest, rightJob, OUTPUTS, falseAlarms, OUTPUTS, strongestUnmarked);
        assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * OUTPUTS));
        assertThat(rightJob).isGreaterThanOrEqualTo((int) Math.ceil(0.99 * OUTPUTS));
        assertThat(falseAlarms).isZero();
    }

    private static String jobId(int i) {
        return "00000000-0000-4000-8000-" + String.format("%012d", i);
    }

    /** The outputs one after another with a second of silence between them; {@code starts} gets where each begins. */
    private static float[] join(List<float[]> parts, long[] starts) {
        int gap = GAP_SECONDS * rate;
        int total = parts.stream().mapToInt(p -> p.length + gap).sum();
        float[] joined = new float[total];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            starts[i] = at;
            System.arraycopy(parts.get(i), 0, joined, at, parts.get(i).length);
            at += parts.get(i).length + gap;
        }
        return joined;
    }
}
