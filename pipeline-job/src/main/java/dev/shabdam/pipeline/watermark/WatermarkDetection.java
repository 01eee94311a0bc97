package dev.shabdam.pipeline.watermark;

import java.util.OptionalInt;

/**
 * What the detector found in an excerpt.
 *
 * @param watermarked whether the key's mark is there (its chance score is under {@link WatermarkDetector#FALSE_ALARM})
 * @param confidence one minus the chance that audio without this key's mark scores as high (0–1)
 * @param score the offset search's best correlation in standard deviations of the others
 * @param payload the job's {@code WatermarkId} when the mark and both halves of the payload were found
 */
public record WatermarkDetection(boolean watermarked, double confidence, double score, OptionalInt payload) {}
