package dev.shabdam.pipeline.analysis;

/**
 * Decides which frames of a {@link SpeechSignal} hold speech, one decision per 10 ms frame.
 * {@link EnergyVoiceActivity} is the built-in; a neural detector (Silero VAD through ONNX Runtime,
 * which judges 32 ms chunks) plugs in here by spreading each chunk's decision over its frames.
 */
public interface VoiceActivity {
    boolean[] speechFrames(SpeechSignal signal);
}
