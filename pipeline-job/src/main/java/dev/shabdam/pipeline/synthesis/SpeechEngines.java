package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.synthesis.audio.LoudnessNormalizer;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.VitsOnnxSynthesizer;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.VoiceIds;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.text.TextNormalizer;

import java.nio.file.Path;

/**
 * The speech engines of one TaskManager, loaded once and shared by every operator instance in it:
 * libespeak-ng in process for the default voices, and VITS voices (Piper, MMS) from the models
 * folder, loaded on first use.
 *
 * <p>Voice ids: none, {@code ml}, {@code en} or {@code espeak:<voice>} speak with espeak-ng; any
 * other id names a VITS voice of the model manifest or the models folder ({@code model_missing} when the
 * manifest names it but its files are not installed, {@code voice_not_found} when nothing does).
 */
public final class SpeechEngines {
    private static SpeechEngines shared;

    private final TextNormalizer normalizer = TextNormalizer.fromClasspath();
    private final EmotionTable emotions = EmotionTable.fromClasspath();
    private final Path voices;
    private SentenceStreamer espeak;
    private SentenceStreamer vits;

    private SpeechEngines(Path voices) {
        this.voices = voices;
    }

    public static synchronized SpeechEngines shared(Path voices) {
        if (shared == null || !shared.voices.equals(voices)) {
            shared = new SpeechEngines(voices);
        }
        return shared;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    /** The engine for a voice id, and the id that engine knows the voice by. */
    public synchronized Route route(String voiceId) {
        if (voiceId == null
                || voiceId.equals("ml")
                || voiceId.equals("en")
                || voiceId.startsWith(VoiceIds.ESPEAK_PREFIX)) {
            if (espeak == null) {
                if (!EspeakSynthesizer.isAvailable()) {
                    throw new SynthesisException(
                            SynthesisException.Code.ENGINE_UNAVAILABLE,
                            "libespeak-ng is not installed on this TaskManager (apt-get install espeak-ng)");
                }
                espeak = streamer(new EspeakSynthesizer(emotions));
            }
            return new Route(
                    espeak,
                    voiceId == null || !voiceId.startsWith(VoiceIds.ESPEAK_PREFIX)
                            ? voiceId
                            : voiceId.substring(VoiceIds.ESPEAK_PREFIX.length()));
        }
        if (vits == null) {
            vits = streamer(new VitsOnnxSynthesizer(voices, true, emotions));
        }
        return new Route(vits, voiceId);
    }

    private SentenceStreamer streamer(dev.shabdam.pipeline.synthesis.engine.Synthesizer engine) {
        return new SentenceStreamer(engine, normalizer, emotions, LoudnessNormalizer.standard());
    }

    /** A voice's engine and the engine's own name for the voice (null: the language's default). */
    public record Route(SentenceStreamer streamer, String engineVoiceId) {}
}
