/**
 * What tells two voices apart for COMPARE: log-mel and MFCC features, speaker embeddings (the
 * MFCC-statistics built-in and the ONNX WeSpeaker model) and the mel-cepstral distortion.
 */
package dev.shabdam.pipeline.analysis.speaker;
