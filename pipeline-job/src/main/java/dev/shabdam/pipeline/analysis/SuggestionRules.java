package dev.shabdam.pipeline.analysis;

import dev.shabdam.schemas.jobs.LoudnessTarget;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns measurements into advice. The thresholds live in {@link Thresholds} ({@link Thresholds#DEFAULT}
 * holds the values below); a rule whose measurement is null (no speech, no pitch) stays quiet.
 *
 * <table>
 *   <caption>Rules and default thresholds</caption>
 *   <tr><th>code</th><th>fires when</th><th>severity</th></tr>
 *   <tr><td>no_signal</td><td>integrated loudness does not exist (digital silence, or under 400 ms)</td><td>error</td></tr>
 *   <tr><td>too_quiet</td><td>integrated &lt; target − 2 LU (podcast −16, broadcast −23 LUFS)</td><td>warning</td></tr>
 *   <tr><td>too_loud</td><td>integrated &gt; target + 2 LU</td><td>warning</td></tr>
 *   <tr><td>clipping</td><td>clipping ratio &gt; 0.01 % (error &gt; 1 %)</td><td>warning / error</td></tr>
 *   <tr><td>true_peak_over</td><td>true peak &gt; −1 dBTP</td><td>warning</td></tr>
 *   <tr><td>noisy</td><td>SNR &lt; 20 dB (error &lt; 10 dB)</td><td>warning / error</td></tr>
 *   <tr><td>too_fast</td><td>&gt; 6.5 syllables/s, with ≥ 3 s of speech</td><td>warning</td></tr>
 *   <tr><td>too_slow</td><td>&lt; 2.5 syllables/s, with ≥ 3 s of speech</td><td>warning</td></tr>
 *   <tr><td>monotone</td><td>F0 spread &lt; 2 semitones, with ≥ 3 s of speech</td><td>info</td></tr>
 *   <tr><td>too_short_for_cloning</td><td>&lt; 10 s of speech</td><td>info; error when the purpose is cloning</td></tr>
 *   <tr><td>dc_offset</td><td>|DC| &gt; 0.01 of full scale (−40 dBFS)</td><td>warning</td></tr>
 *   <tr><td>mostly_silent</td><td>silence ratio &gt; 60 %</td><td>warning</td></tr>
 * </table>
 */
public final class SuggestionRules {
    /** Every number the rules compare against. */
    public record Thresholds(
            double loudnessToleranceLu,
            double clippingWarnRatio,
            double clippingErrorRatio,
            double truePeakMaxDbtp,
            double snrWarnDb,
            double snrErrorDb,
            double maxSyllablesPerSec,
            double minSyllablesPerSec,
            double minPitchStdevSemitones,
            double minSpeechForRateSec,
            double minSpeechForCloningSec,
            double maxDcOffset,
            double maxSilenceRatio) {
        public static final Thresholds DEFAULT =
                new Thresholds(2.0, 1e-4, 1e-2, -1.0, 20.0, 10.0, 6.5, 2.5, 2.0, 3.0, 10.0, 0.01, 0.6);
    }

    private final Thresholds limits;

    public SuggestionRules() {
        this(Thresholds.DEFAULT);
    }

    public SuggestionRules(Thresholds limits) {
        this.limits = limits;
    }

    public List<Suggestion> suggest(AnalysisResult r, AnalysisOptions options) {
        List<Suggestion> out = new ArrayList<>();
        loudness(r, options.target(), out);
        if (r.clippingRatio() > limits.clippingWarnRatio()) {
            out.add(new Suggestion(
                    "clipping",
                    r.clippingRatio() > limits.clippingErrorRatio() ? Severity.ERROR : Severity.WARNING,
                    String.format(
                            "%.3f %% of the samples are clipped: record with more headroom (lower the input gain)",
                            100 * r.clippingRatio())));
        }
        Double truePeak = r.loudness().truePeakDbtp();
        if (truePeak != null && truePeak > limits.truePeakMaxDbtp()) {
            out.add(new Suggestion(
                    "true_peak_over",
                    Severity.WARNING,
                    String.format(
                            "true peak %.1f dBTP is above %.0f dBTP: lossy encoding will distort it; apply a true-peak limiter",
                            truePeak, limits.truePeakMaxDbtp())));
        }
        if (r.snrDb() != null && r.snrDb() < limits.snrWarnDb()) {
            out.add(new Suggestion(
                    "noisy",
                    r.snrDb() < limits.snrErrorDb() ? Severity.ERROR : Severity.WARNING,
                    String.format(
                            "speech is only %.0f dB above the background noise: record in a quieter room or closer to the microphone",
                            r.snrDb())));
        }
        speech(r, options, out);
        if (Math.abs(r.dcOffset()) > limits.maxDcOffset()) {
            out.add(new Suggestion(
                    "dc_offset",
                    Severity.WARNING,
                    String.format(
                            "the signal is offset by %.3f of full scale (DC): apply a high-pass filter",
                            r.dcOffset())));
        }
        if (r.silenceRatio() > limits.maxSilenceRatio()) {
            out.add(new Suggestion(
                    "mostly_silent",
                    Severity.WARNING,
                    String.format("%.0f %% of the recording has no speech: trim the silence", 100 * r.silenceRatio())));
        }
        return out;
    }

    private void loudness(AnalysisResult r, LoudnessTarget target, List<Suggestion> out) {
        Double lufs = r.loudness().integratedLufs();
        if (lufs == null) {
            out.add(new Suggestion(
                    "no_signal",
                    Severity.ERROR,
                    "no loudness could be measured: the recording is silent (or shorter than 400 ms)"));
            return;
        }
        String platform = target.name().toLowerCase(java.util.Locale.ROOT);
        if (lufs < target.lufs() - limits.loudnessToleranceLu()) {
            out.add(new Suggestion(
                    "too_quiet",
                    Severity.WARNING,
                    String.format(
                            "integrated loudness %.1f LUFS is below the %s target of %.0f LUFS: raise the level by %.1f dB",
                            lufs, platform, target.lufs(), target.lufs() - lufs)));
        } else if (lufs > target.lufs() + limits.loudnessToleranceLu()) {
            out.add(new Suggestion(
                    "too_loud",
                    Severity.WARNING,
                    String.format(
                            "integrated loudness %.1f LUFS is above the %s target of %.0f LUFS: lower the level by %.1f dB",
                            lufs, platform, target.lufs(), lufs - target.lufs())));
        }
    }

    private void speech(AnalysisResult r, AnalysisOptions options, List<Suggestion> out) {
        boolean enoughSpeech = r.speechSec() >= limits.minSpeechForRateSec();
        Double rate = r.speakingRate().syllablesPerSec();
        if (enoughSpeech && rate != null && rate > limits.maxSyllablesPerSec()) {
            out.add(new Suggestion(
                    "too_fast",
                    Severity.WARNING,
                    String.format(
                            "%.1f syllables per second is hard to follow: speak more slowly (about 4–5 is comfortable)",
                            rate)));
        } else if (enoughSpeech && rate != null && rate < limits.minSyllablesPerSec()) {
            out.add(new Suggestion(
                    "too_slow",
                    Severity.WARNING,
                    String.format(
                            "%.1f syllables per second drags: speak a little faster (about 4–5 is comfortable)",
                            rate)));
        }
        Double spread = r.pitch().stdevSemitones();
        if (enoughSpeech && spread != null && spread < limits.minPitchStdevSemitones()) {
            out.add(new Suggestion(
                    "monotone",
                    Severity.INFO,
                    String.format(
                            "the pitch varies by only %.1f semitones: vary the intonation to sound more engaging",
                            spread)));
        }
        if (r.speechSec() < limits.minSpeechForCloningSec()) {
            out.add(new Suggestion(
                    "too_short_for_cloning",
                    options.cloning() ? Severity.ERROR : Severity.INFO,
                    String.format(
                            "only %.1f s of speech: voice cloning needs at least %.0f s",
                            r.speechSec(), limits.minSpeechForCloningSec())));
        }
    }
}
