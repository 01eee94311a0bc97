package dev.shabdam.pipeline.synthesis.cloning;

import dev.shabdam.pipeline.analysis.dsp.MovingAverage;
import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.analysis.pitch.PitchTrack;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.PitchShifter;
import dev.shabdam.pipeline.synthesis.audio.TimeStretch;
import dev.shabdam.pipeline.training.LongTermSpectrum;
import dev.shabdam.pipeline.training.SamplePreprocessor;
import dev.shabdam.pipeline.training.VoiceFeatureExtractor;
import dev.shabdam.pipeline.training.VoiceFeatures;

import java.util.Optional;

/**
 * The voice matcher: takes an engine's speech (espeak-ng, a VITS voice) to a profile's voice by DSP,
 * measuring the input with the same {@link VoiceFeatureExtractor} the profile was made with and
 * changing, in this order:
 * <ol>
 *   <li>the speaking rate, by {@link TimeStretch} (pitch and formants kept), within
 *       {@value #MIN_RATE}–{@value #MAX_RATE}×;</li>
 *   <li>the pitch: every voiced frame's F0 mapped from the input's median and range (in semitones) to
 *       the profile's, by {@link PitchShifter} with a ratio that follows the frames (the duration
 *       kept);</li>
 *   <li>the formants: the spectral envelope warped so that F1–F3 land on the profile's
 *       ({@link SpectralEnvelopeShaper#warp}, each by at most {@value #MIN_FORMANT_FACTOR}–{@value
 *       #MAX_FORMANT_FACTOR}×), allowing for what the pitch shift's resampling already moved them by,
 *       then measured again and corrected once;</li>
 *   <li>timbre and spectral tilt: the long-term spectrum equalised to the profile's, band by band
 *       (at most ±{@value #MAX_EQ_DB} dB).</li>
 * </ol>
 * The output has the input's RMS level. It cannot give the speaker's accent, prosodic style or voice
 * quality beyond the spectrum: those are in the engine's phonemes and timing, which stay the engine's.
 */
public final class VoiceMatcher {
    static final double MIN_RATE = 0.75;
    static final double MAX_RATE = 1.33;
    static final double MIN_RANGE_FACTOR = 0.5;
    static final double MAX_RANGE_FACTOR = 2.0;
    static final double MIN_FORMANT_FACTOR = 0.7;
    static final double MAX_FORMANT_FACTOR = 1.45;
    static final double MAX_EQ_DB = 12;
    /** A second pass corrects the first's residue (about a third of the way); more changes little. */
    static final int FORMANT_PASSES = 2;
    /** Frames either side averaged into the pitch ratio, so that it glides instead of jumping. */
    private static final int RATIO_SMOOTHING_FRAMES = 5;

    private final VoiceFeatureExtractor extractor = VoiceFeatureExtractor.withoutEmbedding();
    private final SamplePreprocessor preprocessor = SamplePreprocessor.standard();
    private final PitchTracker pitchTracker = new PitchTracker();
    private final SpectralEnvelopeShaper shaper = new SpectralEnvelopeShaper();

    /** {@code speech} in the profile's voice; as it is when it has too little voiced speech to measure. */
    public Audio match(Audio speech, VoiceFeatures profile) {
        Optional<VoiceFeatures> measured = measure(speech);
        if (measured.isEmpty()) {
            return speech;
        }
        VoiceFeatures source = measured.get();
        Audio out = speech;
        if (source.syllablesPerSec() != null && profile.syllablesPerSec() != null) {
            double rate = clamp(profile.syllablesPerSec() / source.syllablesPerSec(), MIN_RATE, MAX_RATE);
            out = TimeStretch.byRate(out, rate);
        }
        out = matchPitch(out, source, profile);
        // the pitch shift's resampling moved the formants with the pitch: start from where they are now
        double medianRatio = profile.f0MedianHz() / source.f0MedianHz();
        double[] formants = scaled(source.formants(), medianRatio);
        double[] wanted = wanted(source.formants(), profile);
        for (int pass = 0; pass < FORMANT_PASSES; pass++) {
            out = new Audio(shaper.warp(out.samples(), out.sampleRate(), formants, wanted), out.sampleRate());
            // the LPC formants of the result are not exactly where the envelope was moved to: measure and
            // correct, trusting the measurement of a short utterance half-way (its geometric mean with the aim)
            Optional<VoiceFeatures> now = measure(out);
            if (now.isEmpty()) {
                break;
            }
            double[] found = now.get().formants();
            for (int k = 0; k < formants.length; k++) {
                formants[k] = Math.sqrt(found[k] * wanted[k]);
            }
        }
        float[] equalised = shaper.equalise(out.samples(), out.sampleRate(), eqGains(out, profile));
        Audio matched = new Audio(equalised, out.sampleRate());
        return matched.withGainDb(speech.rmsDbfs() - matched.rmsDbfs());
    }

    /** The profile's formants, each within the allowed factor of the engine's own. */
    private static double[] wanted(double[] formants, VoiceFeatures profile) {
        double[] target = profile.formants();
        double[] wanted = new double[formants.length];
        for (int k = 0; k < wanted.length; k++) {
            wanted[k] = formants[k] * clamp(target[k] / formants[k], MIN_FORMANT_FACTOR, MAX_FORMANT_FACTOR);
        }
        return wanted;
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] * factor;
        }
        return out;
    }

    private Optional<VoiceFeatures> measure(Audio speech) {
        DecodedAudio audio = DecodedAudio.mono(speech.sampleRate(), speech.samples());
        return extractor.measure(preprocessor.prepare(audio).speech());
    }

    private Audio matchPitch(Audio audio, VoiceFeatures source, VoiceFeatures profile) {
        PitchTrack track = pitchTracker.track(SpeechSignal.of(DecodedAudio.mono(audio.sampleRate(), audio.samples())));
        double sourceMedian = PitchSummary.semitones(source.f0MedianHz());
        double targetMedian = PitchSummary.semitones(profile.f0MedianHz());
        double rangeFactor = clamp(
                profile.f0RangeSemitones() / Math.max(1, source.f0RangeSemitones()),
                MIN_RANGE_FACTOR,
                MAX_RANGE_FACTOR);
        double[] f0 = track.f0Hz();
        double[] shiftSemitones = new double[f0.length];
        for (int f = 0; f < f0.length; f++) {
            double from = f0[f] > 0 ? PitchSummary.semitones(f0[f]) : sourceMedian;
            double to = targetMedian + rangeFactor * (from - sourceMedian);
            shiftSemitones[f] = to - from;
        }
        double[] smoothed = MovingAverage.of(shiftSemitones, RATIO_SMOOTHING_FRAMES);
        double frameSec = SpeechSignal.frameSeconds(1);
        return PitchShifter.shift(audio, t -> {
            if (smoothed.length == 0) {
                return Math.pow(2, (targetMedian - sourceMedian) / 12);
            }
            int f = (int) Math.min(smoothed.length - 1, Math.max(0, t / frameSec));
            return Math.pow(2, smoothed[f] / 12);
        });
    }

    /** Per band, the profile's long-term spectrum over the signal's, within ±{@value #MAX_EQ_DB} dB. */
    private static double[] eqGains(Audio audio, VoiceFeatures profile) {
        double[] have = LongTermSpectrum.of(audio.samples(), audio.sampleRate());
        double[] want = profile.ltas();
        double[] gains = new double[have.length];
        for (int b = 0; b < gains.length; b++) {
            gains[b] = clamp(want[b] - have[b], -MAX_EQ_DB, MAX_EQ_DB);
        }
        return gains;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
