package dev.shabdam.pipeline.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.schemas.jobs.LoudnessTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VoiceAnalyzerTest {
    private static final int RATE = 48000;
    private final VoiceAnalyzer analyzer = new VoiceAnalyzer();

    /** 15 s of speech-like phrases with lively intonation at 4.5 syllables/s, a faint noise floor, at −16 LUFS. */
    private static float[] clean() {
        float[] x = TestSignals.plus(
                TestSignals.syllables(RATE, 140, 4, 1.0, 4.5, 2.5, 0.5, 15, 0.3),
                TestSignals.whiteNoise(RATE, 3e-4, 15, 3));
        return atLufs(x, -16);
    }

    private static float[] atLufs(float[] x, double lufs) {
        double now = new LoudnessMeter().measure(DecodedAudio.mono(RATE, x)).integratedLufs();
        return TestSignals.scaled(x, Math.pow(10, (lufs - now) / 20));
    }

    private AnalysisResult analyze(float[] x) {
        return analyzer.analyze(DecodedAudio.mono(RATE, x), AnalysisOptions.DEFAULT);
    }

    private static List<String> codes(AnalysisResult r) {
        return r.suggestions().stream().map(Suggestion::code).toList();
    }

    private static Severity severityOf(AnalysisResult r, String code) {
        return r.suggestions().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow()
                .severity();
    }

    @Test
    void cleanSpeechGetsNoSuggestion() {
        AnalysisResult r = analyze(clean());
        assertThat(r.suggestions()).as("%s", r).isEmpty();
        assertThat(r.loudness().integratedLufs()).isCloseTo(-16, within(0.1));
        assertThat(r.snrDb()).isGreaterThan(30);
        assertThat(r.pitch().medianHz()).isCloseTo(140, within(10.0));
    }

    @Test
    void loudnessRulesFollowTheTarget() {
        assertThat(codes(analyze(atLufs(clean(), -26)))).contains("too_quiet").doesNotContain("too_loud");
        assertThat(codes(analyze(atLufs(clean(), -12)))).contains("too_loud").doesNotContain("too_quiet");
        AnalysisResult broadcast = analyzer.analyze(
                DecodedAudio.mono(RATE, clean()), AnalysisOptions.DEFAULT.withTarget(LoudnessTarget.BROADCAST));
        assertThat(codes(broadcast)).containsExactly("too_loud");
    }

    @Test
    void clippingAndTruePeak() {
        float[] x = TestSignals.scaled(clean(), 6);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1f, Math.min(1f, x[i]));
        }
        AnalysisResult r = analyze(x);
        assertThat(codes(r)).contains("clipping", "true_peak_over");
        assertThat(r.clippingRatio()).isGreaterThan(1e-4);
    }

    @Test
    void truePeakOverWithoutClipping() {
        float[] x = clean();
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        AnalysisResult r = analyze(TestSignals.scaled(x, 0.95 / peak));
        assertThat(codes(r)).contains("true_peak_over").doesNotContain("clipping");
    }

    @Test
    void noisyWarningAndError() {
        float[] speech = clean();
        AnalysisResult warn = analyze(TestSignals.plus(speech, TestSignals.whiteNoise(RATE, 0.03, 15, 5)));
        AnalysisResult error = analyze(TestSignals.plus(speech, TestSignals.whiteNoise(RATE, 0.1, 15, 5)));
        System.out.printf("SNR with noise: %.1f dB and %.1f dB%n", warn.snrDb(), error.snrDb());
        assertThat(warn.snrDb()).isBetween(10.0, 20.0);
        assertThat(severityOf(warn, "noisy")).isEqualTo(Severity.WARNING);
        assertThat(error.snrDb()).isLessThan(10.0);
        assertThat(severityOf(error, "noisy")).isEqualTo(Severity.ERROR);
    }

    @Test
    void speakingRateRules() {
        float[] fast = atLufs(TestSignals.syllables(RATE, 140, 4, 1.0, 8, 2.5, 0.5, 15, 0.3), -16);
        float[] slow = atLufs(TestSignals.syllables(RATE, 140, 4, 1.0, 1.8, 2.5, 0.5, 15, 0.3), -16);
        assertThat(codes(analyze(fast))).contains("too_fast").doesNotContain("too_slow");
        assertThat(codes(analyze(slow))).contains("too_slow").doesNotContain("too_fast");
    }

    @ParameterizedTest(name = "{0} syllables/s")
    @ValueSource(doubles = {3, 4, 5, 6})
    void speakingRateWithinFifteenPercent(double perSecond) {
        float[] x = atLufs(TestSignals.syllables(RATE, 140, 4, 1.0, perSecond, 2.0, 0.6, 13, 0.3), -16);
        double measured = analyze(x).speakingRate().syllablesPerSec();
        System.out.printf("speaking rate %.1f/s measured %.2f/s%n", perSecond, measured);
        assertThat(measured).isCloseTo(perSecond, within(0.15 * perSecond));
    }

    @Test
    void monotone() {
        float[] flat = atLufs(TestSignals.syllables(RATE, 140, 0, 1.0, 4.5, 2.5, 0.5, 15, 0.3), -16);
        assertThat(codes(analyze(flat))).contains("monotone");
    }

    @Test
    void tooShortForCloningIsInfoUnlessCloning() {
        float[] shortClip = java.util.Arrays.copyOf(clean(), RATE * 5);
        assertThat(severityOf(analyze(shortClip), "too_short_for_cloning")).isEqualTo(Severity.INFO);
        AnalysisResult forCloning =
                analyzer.analyze(DecodedAudio.mono(RATE, shortClip), AnalysisOptions.DEFAULT.forCloning());
        assertThat(severityOf(forCloning, "too_short_for_cloning")).isEqualTo(Severity.ERROR);
    }

    @Test
    void dcOffset() {
        float[] x = clean();
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.05f;
        }
        AnalysisResult r = analyze(x);
        assertThat(r.dcOffset()).isCloseTo(0.05, within(0.001));
        assertThat(codes(r)).contains("dc_offset");
    }

    @Test
    void mostlySilent() {
        float[] x = java.util.Arrays.copyOf(clean(), RATE * 15);
        java.util.Arrays.fill(x, RATE * 4, x.length, 0f);
        AnalysisResult r = analyze(x);
        assertThat(r.silenceRatio()).isGreaterThan(0.6);
        assertThat(codes(r)).contains("mostly_silent");
    }

    @Test
    void digitalSilenceHasNullsNotNaNs() throws Exception {
        AnalysisResult r = analyze(new float[RATE * 3]);
        assertThat(codes(r)).contains("no_signal", "mostly_silent");
        assertThat(r.loudness().integratedLufs()).isNull();
        assertThat(r.pitch()).isEqualTo(PitchSummary.NONE);
        String json = new ObjectMapper().writeValueAsString(r);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void jsonHasExactlyTheApiShape() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(analyze(clean()));
        assertThat(fields(json))
                .containsExactlyInAnyOrder(
                        "durationSec",
                        "sampleRateHz",
                        "channels",
                        "loudness",
                        "snrDb",
                        "clippingRatio",
                        "silenceRatio",
                        "dcOffset",
                        "pitch",
                        "speakingRate",
                        "voiceQuality",
                        "suggestions");
        assertThat(fields(json.get("loudness")))
                .containsExactlyInAnyOrder("integratedLufs", "loudnessRangeLu", "truePeakDbtp");
        assertThat(fields(json.get("pitch")))
                .containsExactlyInAnyOrder("meanHz", "medianHz", "minHz", "maxHz", "stdevSemitones");
        assertThat(fields(json.get("speakingRate"))).containsExactly("syllablesPerSec");
        assertThat(fields(json.get("voiceQuality")))
                .containsExactlyInAnyOrder("jitterPercent", "shimmerPercent", "hnrDb");
        JsonNode withSuggestion = new ObjectMapper().valueToTree(analyze(atLufs(clean(), -30)));
        JsonNode first = withSuggestion.get("suggestions").get(0);
        assertThat(fields(first)).containsExactly("code", "severity", "message");
        assertThat(first.get("severity").asText()).isEqualTo("warning");
    }

    @Test
    void progressRisesToOne() {
        List<Double> seen = new ArrayList<>();
        analyzer.analyze(DecodedAudio.mono(RATE, clean()), AnalysisOptions.DEFAULT.withProgress(seen::add));
        assertThat(seen).isSorted().last().isEqualTo(1.0);
        assertThat(seen.size()).isGreaterThan(2);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
