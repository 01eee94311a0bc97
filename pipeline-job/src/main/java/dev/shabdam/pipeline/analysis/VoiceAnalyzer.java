package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.media.DecodedAudio;

import java.util.List;

/**
 * Measures a recording and advises on it: the whole of {@code POST /voice/analyze} after decoding.
 *
 * <p>Loudness, peaks, clipping and DC are measured on the original channels at the original rate;
 * everything about the voice on a 16 kHz mono mix ({@link SpeechSignal}). Instances hold no state
 * between calls and may be shared by threads if the {@link VoiceActivity} may.
 */
public final class VoiceAnalyzer {
    private final VoiceActivity voiceActivity;
    private final SuggestionRules rules;
    private final LoudnessMeter loudnessMeter = new LoudnessMeter();
    private final PitchTracker pitchTracker = new PitchTracker();
    private final SyllableCounter syllableCounter = new SyllableCounter();
    private final VoiceQualityAnalyzer voiceQualityAnalyzer = new VoiceQualityAnalyzer();

    public VoiceAnalyzer() {
        this(new EnergyVoiceActivity(), new SuggestionRules());
    }

    public VoiceAnalyzer(VoiceActivity voiceActivity, SuggestionRules rules) {
        this.voiceActivity = voiceActivity;
        this.rules = rules;
    }

    public AnalysisResult analyze(DecodedAudio audio, AnalysisOptions options) {
        ProgressListener progress = options.progress();
        // loudness reads every sample of every channel at full rate: the bulk of the work on long files
        Loudness loudness = loudnessMeter.measure(audio, progress.within(0.0, 0.5));
        SampleStatistics samples = SampleStatistics.of(audio);
        SpeechSignal speech = SpeechSignal.of(audio);
        progress.progress(0.6);
        boolean[] speechFrames = voiceActivity.speechFrames(speech);
        int speechCount = count(speechFrames);
        // the voice's pitch: periodic sound outside speech (mains hum in the pauses) is not the speaker
        PitchTrack pitch = pitchTracker.track(speech).onlyWhere(speechFrames);
        progress.progress(0.9);
        AnalysisResult result = new AnalysisResult(audio.durationSec(), audio.sampleRate(), audio.channelCount(),
                loudness, SnrEstimator.snrDb(speech.levels(), speechFrames), samples.clippingRatio(),
                speechFrames.length == 0 ? 1.0 : 1.0 - speechCount / (double) speechFrames.length,
                samples.dcOffset(), PitchSummary.of(pitch),
                syllableCounter.rate(speech.levels(), speechFrames, pitch),
                voiceQualityAnalyzer.measure(speech, pitch), List.of(), SpeechSignal.frameSeconds(speechCount));
        result = result.withSuggestions(rules.suggest(result, options));
        progress.progress(1.0);
        return result;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
