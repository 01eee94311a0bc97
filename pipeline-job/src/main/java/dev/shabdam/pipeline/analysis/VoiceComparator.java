package dev.shabdam.pipeline.analysis;

import ai.onnxruntime.OrtException;
import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speaker.MelCepstralDistortion;
import dev.shabdam.pipeline.analysis.speaker.MfccExtractor;
import dev.shabdam.pipeline.analysis.speaker.MfccStatsEmbedder;
import dev.shabdam.pipeline.analysis.speaker.OnnxSpeakerEmbedder;
import dev.shabdam.pipeline.analysis.speaker.SpeakerEmbedder;
import dev.shabdam.pipeline.analysis.speech.EnergyVoiceActivity;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.analysis.speech.VoiceActivity;
import dev.shabdam.pipeline.media.DecodedAudio;

import java.nio.file.Path;

/**
 * Compares two recordings of speech: is it the same speaker, and how far apart do they sound.
 * MCD is measured over the speech frames of each side (silence would align with anything).
 */
public final class VoiceComparator {
    private final SpeakerEmbedder embedder;
    private final VoiceActivity voiceActivity;
    private final PitchTracker pitchTracker = new PitchTracker();
    private final MfccExtractor mfcc = new MfccExtractor(MelCepstralDistortion.COEFFICIENTS + 1);

    public VoiceComparator() {
        this(new MfccStatsEmbedder(), new EnergyVoiceActivity());
    }

    public VoiceComparator(SpeakerEmbedder embedder) {
        this(embedder, new EnergyVoiceActivity());
    }

    public VoiceComparator(SpeakerEmbedder embedder, VoiceActivity voiceActivity) {
        this.embedder = embedder;
        this.voiceActivity = voiceActivity;
    }

    /**
     * The speaker embedder for a models dir: the ONNX {@link OnnxSpeakerEmbedder} when its model is
     * installed there, else the DSP {@link MfccStatsEmbedder}, which runs everywhere.
     */
    public static SpeakerEmbedder embedderFor(Path modelsDir) throws OrtException {
        return OnnxSpeakerEmbedder.installed(modelsDir).orElseGet(MfccStatsEmbedder::new);
    }

    public ComparisonResult compare(DecodedAudio a, DecodedAudio b) {
        return compare(ComparedRecording.of(a), ComparedRecording.of(b));
    }

    /** Compares two recordings as read block by block: the voice on each one's first minute ({@link ComparedRecording}). */
    public ComparisonResult compare(ComparedRecording a, ComparedRecording b) {
        SpeechSignal sa = a.speech(), sb = b.speech();
        float[] ea = embedder.embed(sa), eb = embedder.embed(sb);
        Double similarity = isZero(ea) || isZero(eb) ? null : MfccStatsEmbedder.cosine(ea, eb);
        Double mcd = MelCepstralDistortion.distortionDb(speechFrames(sa), speechFrames(sb));
        Double la = a.loudnessLufs(), lb = b.loudnessLufs();
        Double pa = PitchSummary.of(pitchTracker.track(sa)).medianHz(),
                pb = PitchSummary.of(pitchTracker.track(sb)).medianHz();
        return new ComparisonResult(
                similarity,
                embedder.id(),
                mcd,
                a.durationSec() / b.durationSec(),
                la == null || lb == null ? null : la - lb,
                pa == null || pb == null ? null : PitchSummary.semitones(pa) - PitchSummary.semitones(pb));
    }

    private double[][] speechFrames(SpeechSignal signal) {
        double[][] all = mfcc.extract(signal);
        boolean[] speech = voiceActivity.speechFrames(signal.levels());
        return java.util.stream.IntStream.range(0, all.length)
                .filter(f -> speech[f])
                .mapToObj(f -> all[f])
                .toArray(double[][]::new);
    }

    private static boolean isZero(float[] v) {
        for (float x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
