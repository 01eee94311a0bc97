package dev.shabdam.pipeline.training;

/**
 * What the quality gate measured of one sample, reported with its verdict.
 *
 * @param durationSec     length as decoded
 * @param sampleRateHz    rate as decoded
 * @param speechSec       speech left after the silence was cut
 * @param snrDb           speech-to-noise ratio of the sample as given; null without speech
 * @param clippingRatio   share of clipped samples
 * @param loudnessLufs    integrated loudness as given; null for silence
 * @param voiceChange     the largest distance between the MFCC means of two stretches of its speech
 *                        (dB-like cepstral units, {@link QualityGate#MAX_VOICE_CHANGE}); null under two stretches
 */
public record SampleMetrics(
        double durationSec,
        int sampleRateHz,
        double speechSec,
        Double snrDb,
        double clippingRatio,
        Double loudnessLufs,
        Double voiceChange) {}
