package dev.shabdam.pipeline.analysis.speech;

/**
 * Decides which frames of a {@link SpeechSignal} hold speech, one decision per 10 ms frame, from the
 * frames' levels: what a long recording's streaming pass keeps. {@link EnergyVoiceActivity} is the
 * built-in; a detector that needs the samples themselves (Silero VAD) would have to run in that
 * pass, as dubbing's ingest does.
 */
public interface VoiceActivity {
    boolean[] speechFrames(FrameLevels levels);
}
