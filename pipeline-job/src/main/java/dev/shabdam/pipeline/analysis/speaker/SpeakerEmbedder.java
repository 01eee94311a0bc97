package dev.shabdam.pipeline.analysis.speaker;

import dev.shabdam.pipeline.analysis.speech.SpeechSignal;

/**
 * Maps a recording's voice to a fixed-length vector; recordings of one speaker should point the same
 * way (cosine similarity near 1). {@link MfccStatsEmbedder} is the DSP built-in; a neural speaker
 * encoder (ECAPA-TDNN or similar through ONNX Runtime) plugs in here.
 */
public interface SpeakerEmbedder {
    /** Names the embedding in results: "mfcc-stats" or the ONNX model's id. */
    String id();

    float[] embed(SpeechSignal signal);
}
