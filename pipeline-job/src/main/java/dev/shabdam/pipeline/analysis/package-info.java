/**
 * ANALYZE and COMPARE: the Flink operators ({@link dev.shabdam.pipeline.analysis.AnalyzeOperator},
 * {@link dev.shabdam.pipeline.analysis.CompareOperator}), the façades that measure a recording in one
 * pass ({@link dev.shabdam.pipeline.analysis.VoiceAnalyzer},
 * {@link dev.shabdam.pipeline.analysis.VoiceComparator}) and the reports and suggestions they write.
 * The measurements themselves live in the sub-packages: {@code dsp} (signal-processing building
 * blocks), {@code loudness}, {@code speech} (the 16 kHz speech track and what is read off its frames),
 * {@code pitch}, {@code voicequality} and {@code speaker}.
 */
package dev.shabdam.pipeline.analysis;
