package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.AnalysisOptions;
import dev.shabdam.pipeline.analysis.AnalysisResult;
import dev.shabdam.pipeline.analysis.VoiceAnalyzer;
import dev.shabdam.pipeline.analysis.speaker.MfccStatsEmbedder;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges one training sample: the analysis's own measurements ({@link VoiceAnalyzer}: SNR, clipping,
 * loudness) of the sample as given, the speech left after {@link SamplePreprocessor}, and whether the
 * voice stays one voice. For the last, the speech is cut into {@value #STRETCH_SEC} s stretches and
 * the mean MFCCs of their voiced frames compared: a second speaker, or speech over music, moves them
 * further than the change of words does within one voice ({@link #MAX_VOICE_CHANGE}, calibrated on
 * espeak-ng voices and jfk.flac in QualityGateTest). Every bound that fails is reported, not the first.
 */
public final class QualityGate {
    public static final double MIN_SPEECH_SEC = 3.0;
    /** Less than this is not speech but a breath or a click. */
    static final double SILENT_SPEECH_SEC = 0.3;
    /**
     * As the analysis measures SNR (speech frames over the pauses): clean speech with pauses between
     * sentences reads about 24 dB; a sample with no pause at all reads about 14 dB even when clean (its
     * quietest frames, which then stand for the noise, are quiet speech), so record with pauses.
     */
    public static final double MIN_SNR_DB = 20.0;
    /** One sample in a thousand on a flat top is audible distortion of the voice the profile would learn. */
    public static final double MAX_CLIPPING_RATIO = 0.001;

    public static final int MIN_SAMPLE_RATE_HZ = SpeechSignal.RATE;
    static final double STRETCH_SEC = 3.0;
    static final double MAX_VOICE_CHANGE = 9.0;

    private final VoiceAnalyzer analyzer = new VoiceAnalyzer();
    private final MfccStatsEmbedder mfcc = new MfccStatsEmbedder();

    public SampleVerdict judge(String name, DecodedAudio audio, PreparedSample prepared) {
        AnalysisResult analysis = analyzer.analyze(audio, AnalysisOptions.DEFAULT.forCloning());
        Double voiceChange = voiceChange(prepared.speech());
        SampleMetrics metrics = new SampleMetrics(
                audio.durationSec(),
                audio.sampleRate(),
                prepared.speechSec(),
                analysis.snrDb(),
                analysis.clippingRatio(),
                analysis.loudness().integratedLufs(),
                voiceChange);
        List<RejectReason> reasons = new ArrayList<>();
        if (audio.sampleRate() < MIN_SAMPLE_RATE_HZ) {
            reasons.add(RejectReason.SAMPLE_RATE);
        }
        if (analysis.loudness().integratedLufs() == null || prepared.speechSec() < SILENT_SPEECH_SEC) {
            reasons.add(RejectReason.SILENT);
        } else if (prepared.speechSec() < MIN_SPEECH_SEC) {
            reasons.add(RejectReason.TOO_SHORT);
        }
        if (analysis.clippingRatio() > MAX_CLIPPING_RATIO) {
            reasons.add(RejectReason.CLIPPED);
        }
        if (analysis.snrDb() != null && analysis.snrDb() < MIN_SNR_DB) {
            reasons.add(RejectReason.NOISY);
        }
        if (voiceChange != null && voiceChange > MAX_VOICE_CHANGE) {
            reasons.add(RejectReason.SPEAKER_CHANGE);
        }
        return new SampleVerdict(name, reasons.isEmpty(), reasons, metrics);
    }

    /** The largest distance between the mean MFCC 1–20 of two stretches; null with fewer than two. */
    Double voiceChange(SpeechSignal speech) {
        int stretch = (int) (STRETCH_SEC * SpeechSignal.RATE);
        float[] x = speech.samples();
        List<float[]> means = new ArrayList<>();
        for (int start = 0; start + stretch <= x.length; start += stretch) {
            // the embedding's first 20 values are the means of MFCC 1–20 over the voiced frames
            float[] embedding = mfcc.embed(new SpeechSignal(Arrays.copyOfRange(x, start, start + stretch)));
            means.add(Arrays.copyOf(embedding, embedding.length / 4));
        }
        if (means.size() < 2) {
            return null;
        }
        double largest = 0;
        for (int i = 0; i < means.size(); i++) {
            for (int j = i + 1; j < means.size(); j++) {
                largest = Math.max(largest, distance(means.get(i), means.get(j)));
            }
        }
        return largest;
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += (a[k] - b[k]) * (double) (a[k] - b[k]);
        }
        return Math.sqrt(sum);
    }
}
