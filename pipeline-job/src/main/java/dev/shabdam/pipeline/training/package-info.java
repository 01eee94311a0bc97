/**
 * Voice training without Flink: preparing a sample ({@link dev.shabdam.pipeline.training.SamplePreprocessor}),
 * the quality gate ({@link dev.shabdam.pipeline.training.QualityGate}), the voice features of accepted speech
 * ({@link dev.shabdam.pipeline.training.VoiceFeatureExtractor}) and the profile rule
 * ({@link dev.shabdam.pipeline.training.VoiceProfileAssembler}).
 */
package dev.shabdam.pipeline.training;
