package dev.shabdam.pipeline.analysis.voicequality;

/**
 * Perturbation and noise measures of the voiced parts; each null when there is too little voicing.
 *
 * @param jitterPercent  local jitter: mean absolute difference of consecutive periods over the mean period
 * @param shimmerPercent local shimmer: the same for the peak amplitudes of consecutive periods
 * @param hnrDb          harmonics-to-noise ratio, mean over voiced frames of 10·log10(r / (1 − r)),
 *                       r the normalised autocorrelation at the period
 */
public record VoiceQuality(Double jitterPercent, Double shimmerPercent, Double hnrDb) {}
