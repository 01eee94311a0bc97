package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.LoudnessNormalizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.pipeline.synthesis.engine.Synthesizer;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.EmotionStyle;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.LanguageSegmenter;
import dev.shabdam.speech.text.NormalizedText;
import dev.shabdam.speech.text.Segment;
import dev.shabdam.speech.text.SentenceSplitter;
import dev.shabdam.speech.text.SsmlParser;
import dev.shabdam.speech.text.SsmlPart;
import dev.shabdam.speech.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generation from user text (or SSML) to audio, sentence by sentence: every sentence is
 * handed to the consumer as soon as it is synthesised, so the first audio leaves after one
 * sentence's work rather than the whole text's. Latin-script segments inside Malayalam go
 * to the engine's English voice when it has one. Thread-safe if the engine is.
 */
public final class SentenceStreamer {

    private final Synthesizer engine;
    private final TextNormalizer normalizer;
    private final EmotionTable emotions;
    private final LoudnessNormalizer loudness;

    public SentenceStreamer(
            Synthesizer engine, TextNormalizer normalizer, EmotionTable emotions, LoudnessNormalizer loudness) {
        this.engine = engine;
        this.normalizer = normalizer;
        this.emotions = emotions;
        this.loudness = loudness;
    }

    /** A sentence to speak, with its prosody and SSML breaks around it ({@link #SENTENCE_PAUSE} after it if none). */
    private record Planned(String text, Prosody prosody, int breakBeforeMs, int breakAfterMs) {}

    private static final int SENTENCE_PAUSE = -1;

    /** Synthesises {@code request} (raw text or SSML) and feeds each sentence to {@code sink}; returns the chunk count. */
    public int stream(SynthesisRequest request, Consumer<SpeechChunk> sink) {
        List<Planned> plan = plan(request);
        for (int i = 0; i < plan.size(); i++) {
            Planned sentence = plan.get(i);
            sink.accept(
                    new SpeechChunk(i, plan.size(), sentence.text(), render(request, sentence, i == plan.size() - 1)));
        }
        return plan.size();
    }

    /** The engine's id, as recorded with results and cache entries. */
    public String engineId() {
        return engine.engineId();
    }

    /** Fails with {@code model_missing} or {@code voice_not_found} when the voice cannot speak, before any text is spoken. */
    public void requireVoice(String voiceId) {
        engine.modelVersion(voiceId);
    }

    /** The whole generation as one clip. */
    public Audio synthesizeAll(SynthesisRequest request) {
        List<Audio> parts = new ArrayList<>();
        stream(request, chunk -> parts.add(chunk.audio()));
        return Audio.concat(parts, parts.get(0).sampleRate());
    }

    /**
     * The cache key of a request in a cache scope: over the normalised text (or the SSML as given) and
     * everything else that shapes the audio.
     */
    public String cacheKey(CacheScope scope, SynthesisRequest request) {
        String text = SsmlParser.isSsml(request.text())
                ? request.text()
                : normalizer.normalize(request.text(), request.language()).normalized();
        return SynthesisCacheKey.of(
                scope.id(),
                text,
                request.language(),
                request.voiceId(),
                request.prosody(),
                engine.engineId(),
                engine.modelVersion(request.voiceId()));
    }

    private List<Planned> plan(SynthesisRequest request) {
        List<Planned> plan = new ArrayList<>();
        if (!SsmlParser.isSsml(request.text())) {
            NormalizedText normalized = normalizer.normalize(request.text(), request.language());
            normalized.sentences().forEach(s -> plan.add(new Planned(s, request.prosody(), 0, SENTENCE_PAUSE)));
        } else {
            int pendingBreak = 0;
            for (SsmlPart part : SsmlParser.parse(request.text())) {
                if (part instanceof SsmlPart.Pause pause) {
                    pendingBreak += pause.millis();
                    continue;
                }
                SsmlPart.Speech speech = (SsmlPart.Speech) part;
                String text = speech.interpretAs() == null
                        ? normalizer.expand(speech.text(), request.language())
                        : normalizer.sayAs(speech.text(), speech.interpretAs(), request.language());
                Prosody prosody = speech.change().applyTo(request.prosody());
                for (String sentence : SentenceSplitter.split(text)) {
                    if (plan.isEmpty()) { // a break before any speech
                        plan.add(new Planned(sentence, prosody, pendingBreak, SENTENCE_PAUSE));
                    } else {
                        attachBreak(plan, pendingBreak);
                        plan.add(new Planned(sentence, prosody, 0, SENTENCE_PAUSE));
                    }
                    pendingBreak = 0;
                }
            }
            attachBreak(plan, pendingBreak);
        }
        if (plan.isEmpty()) {
            throw new SynthesisException(SynthesisException.Code.EMPTY_TEXT, "Nothing to speak");
        }
        return plan;
    }

    /** An SSML break replaces the sentence pause of the sentence before it. */
    private static void attachBreak(List<Planned> plan, int breakMs) {
        if (breakMs > 0 && !plan.isEmpty()) {
            Planned previous = plan.get(plan.size() - 1);
            plan.set(
                    plan.size() - 1,
                    new Planned(previous.text(), previous.prosody(), previous.breakBeforeMs(), breakMs));
        }
    }

    private Audio render(SynthesisRequest request, Planned sentence, boolean last) {
        List<Audio> pieces = new ArrayList<>();
        for (Segment segment : LanguageSegmenter.segments(sentence.text(), request.language())) {
            if (segment.text().isBlank()) {
                continue;
            }
            boolean foreign = segment.language() != request.language();
            SynthesisRequest piece = foreign && engine.hasDefaultVoice(segment.language())
                    ? request.withText(segment.text(), segment.language(), null)
                    : request.withText(segment.text(), request.language(), request.voiceId());
            pieces.add(engine.synthesize(piece.withProsody(sentence.prosody())));
        }
        EmotionStyle style = emotions.style(sentence.prosody().emotion());
        int silenceMs = sentence.breakAfterMs() != SENTENCE_PAUSE
                ? sentence.breakAfterMs()
                : last ? 0 : style.sentencePauseMs();
        if (pieces.isEmpty()) {
            throw new SynthesisException(SynthesisException.Code.EMPTY_TEXT, "Nothing to speak in: " + sentence.text());
        }
        int rate = pieces.get(0).sampleRate();
        double offsetDb = 20 * Math.log10(Math.max(sentence.prosody().volume(), 1e-4)) + style.gainDb();
        Audio levelled = loudness.normalize(Audio.concat(pieces, rate), offsetDb);
        return Audio.concat(
                List.of(Audio.silence(sentence.breakBeforeMs(), rate), levelled, Audio.silence(silenceMs, rate)), rate);
    }
}
