package dev.shabdam.pipeline.analysis.loudness;

/**
 * Programme loudness of a recording. Each value is null where it does not exist: integrated loudness
 * and loudness range of digital silence (nothing passes the −70 LUFS gate) or of audio shorter than
 * one block (400 ms; 3 s for the range), true peak of all-zero samples.
 *
 * @param integratedLufs  gated integrated loudness, ITU-R BS.1770-4 / EBU R128
 * @param loudnessRangeLu loudness range, EBU Tech 3342
 * @param truePeakDbtp    4× oversampled true peak over all channels, dB relative to full scale
 */
public record Loudness(Double integratedLufs, Double loudnessRangeLu, Double truePeakDbtp) {}
