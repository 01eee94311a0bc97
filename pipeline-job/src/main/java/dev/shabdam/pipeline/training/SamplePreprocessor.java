package dev.shabdam.pipeline.training;

import ai.onnxruntime.OrtException;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.speech.EnergyVoiceActivity;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.SileroVad;
import dev.shabdam.pipeline.media.SpeechSpan;
import dev.shabdam.pipeline.media.VoiceActivitySegmenter;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.LoudnessNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded training sample into {@link PreparedSample}: downmix and resample to the 16 kHz
 * analysis rate, a {@link HighPassFilter} (DC and rumble), optionally {@link SpectralGate} denoising,
 * the silence cut out (Silero VAD when its model is loaded, else the analysis's energy detector),
 * and the speech brought to {@value #TARGET_LUFS} LUFS (EBU R128's programme level, true peak at most
 * −1 dBTP) so that features of quiet and loud samples compare. Denoising is off by default: it
 * changes the spectrum the profile measures, so it is for samples the quality gate would call noisy.
 * An instance with a {@link SileroVad} is not thread-safe (the model's state); give each user its own.
 */
public final class SamplePreprocessor {
    static final double TARGET_LUFS = -23;

    private final SileroVad silero;
    private final boolean denoise;
    private final LoudnessNormalizer normalizer =
            new LoudnessNormalizer(new LoudnessMeter(), TARGET_LUFS, LoudnessNormalizer.DEFAULT_CEILING_DBTP);

    /** @param silero the Silero VAD, or null for the energy detector */
    public SamplePreprocessor(SileroVad silero, boolean denoise) {
        this.silero = silero;
        this.denoise = denoise;
    }

    /** Energy VAD, no denoising: what runs everywhere. */
    public static SamplePreprocessor standard() {
        return new SamplePreprocessor(null, false);
    }

    public PreparedSample prepare(DecodedAudio audio) {
        float[] x = HighPassFilter.apply(SpeechSignal.of(audio).samples(), SpeechSignal.RATE);
        if (denoise) {
            x = SpectralGate.apply(x);
        }
        float[] speech = concat(x, speechSpans(x));
        Audio normalised = normalizer.normalize(new Audio(speech, SpeechSignal.RATE), 0);
        return new PreparedSample(new SpeechSignal(normalised.samples()), audio.durationSec());
    }

    /** Sample ranges {@code [from, to)} of speech. */
    private List<int[]> speechSpans(float[] x) {
        return silero != null ? sileroSpans(x) : energySpans(x);
    }

    private List<int[]> energySpans(float[] x) {
        boolean[] speech = new EnergyVoiceActivity().speechFrames(new SpeechSignal(x).levels());
        List<int[]> spans = new ArrayList<>();
        int runStart = -1;
        for (int f = 0; f <= speech.length; f++) {
            boolean on = f < speech.length && speech[f];
            if (on && runStart < 0) {
                runStart = f;
            } else if (!on && runStart >= 0) {
                spans.add(new int[] {
                    runStart * SpeechSignal.HOP, Math.min(x.length, (f - 1) * SpeechSignal.HOP + SpeechSignal.WINDOW)
                });
                runStart = -1;
            }
        }
        return spans;
    }

    private List<int[]> sileroSpans(float[] x) {
        float[] probabilities;
        try {
            probabilities = silero.speechProbabilities(x);
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD failed: " + e.getMessage(), e);
        }
        long durationMs = x.length * 1000L / SpeechSignal.RATE;
        List<int[]> spans = new ArrayList<>();
        for (SpeechSpan span : new VoiceActivitySegmenter().segment(probabilities, durationMs)) {
            spans.add(new int[] {
                (int) (span.startMs() * SpeechSignal.RATE / 1000),
                (int) Math.min(x.length, span.endMs() * SpeechSignal.RATE / 1000)
            });
        }
        return spans;
    }

    private static float[] concat(float[] x, List<int[]> spans) {
        int total = spans.stream().mapToInt(s -> s[1] - s[0]).sum();
        float[] out = new float[total];
        int at = 0;
        for (int[] span : spans) {
            System.arraycopy(x, span[0], out, at, span[1] - span[0]);
            at += span[1] - span[0];
        }
        return out;
    }
}
