package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.pipeline.synthesis.audio.Audio;

/**
 * A speech engine. Implementations are safe to share between threads and apply the whole
 * {@link dev.shabdam.speech.prosody.Prosody} (speed, exact pitch, emotion, volume)
 * to the audio they return. Sentence pauses and loudness normalisation are left to the caller.
 */
public interface Synthesizer extends AutoCloseable {

    Audio synthesize(SynthesisRequest request);

    /** Whether a request with no voiceId works for this language (used for mixed-language text). */
    boolean hasDefaultVoice(dev.shabdam.speech.text.Language language);

    /** Stable engine name for cache keys and reports, e.g. {@code espeak-ng}. */
    String engineId();

    /** What identifies the voice's model bytes (engine version, model sha256); part of the cache key. */
    String modelVersion(String voiceId);

    @Override
    default void close() {}
}
