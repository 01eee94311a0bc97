package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.analysis.speaker.MelCepstralDistortion;
import dev.shabdam.pipeline.analysis.speaker.SpeakerEmbedder;

/**
 * The report of {@code POST /voice/compare} (API.md), plus which embedding judged the speakers.
 * Differences are a − b; a value is null where one side lacks it (no speech, no pitch, silence).
 *
 * @param speakerSimilarity       cosine similarity of the speaker embeddings, −1..1
 * @param embedding               {@link SpeakerEmbedder#id()}: "mfcc-stats" or the ONNX model's id
 * @param melCepstralDistortionDb see {@link MelCepstralDistortion}
 * @param durationRatio           duration of a over duration of b
 * @param loudnessDiffLu          integrated loudness of a minus that of b
 * @param pitchDiffSemitones      median F0 of a over that of b, in semitones
 */
public record ComparisonResult(
        Double speakerSimilarity,
        String embedding,
        Double melCepstralDistortionDb,
        double durationRatio,
        Double loudnessDiffLu,
        Double pitchDiffSemitones) {}
