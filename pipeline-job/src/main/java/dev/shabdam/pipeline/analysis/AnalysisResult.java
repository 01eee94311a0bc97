package dev.shabdam.pipeline.analysis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.shabdam.pipeline.analysis.loudness.Loudness;
import dev.shabdam.pipeline.analysis.loudness.SampleStatistics;
import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.analysis.speech.SnrEstimator;
import dev.shabdam.pipeline.analysis.speech.SpeakingRate;
import dev.shabdam.pipeline.analysis.voicequality.VoiceQuality;

import java.util.List;

/**
 * The report of {@code POST /voice/analyze} (API.md), field for field, plus {@code dcOffset}.
 * Absent values are null, never NaN: JSON has no NaN.
 *
 * @param snrDb         speech-to-noise ratio (see {@link SnrEstimator}); null without speech
 * @param clippingRatio see {@link SampleStatistics}
 * @param silenceRatio  fraction of 10 ms frames the voice activity detector calls non-speech
 *                      (every frame under −50 dBFS is among them)
 * @param dcOffset      see {@link SampleStatistics}
 * @param speechSec     seconds of speech the VAD found; used by the rules, not part of the API shape
 */
public record AnalysisResult(
        double durationSec,
        int sampleRateHz,
        int channels,
        Loudness loudness,
        Double snrDb,
        double clippingRatio,
        double silenceRatio,
        double dcOffset,
        PitchSummary pitch,
        SpeakingRate speakingRate,
        VoiceQuality voiceQuality,
        List<Suggestion> suggestions,
        @JsonIgnore double speechSec) {
    public AnalysisResult {
        suggestions = List.copyOf(suggestions);
    }

    AnalysisResult withSuggestions(List<Suggestion> suggestions) {
        return new AnalysisResult(
                durationSec,
                sampleRateHz,
                channels,
                loudness,
                snrDb,
                clippingRatio,
                silenceRatio,
                dcOffset,
                pitch,
                speakingRate,
                voiceQuality,
                suggestions,
                speechSec);
    }
}
