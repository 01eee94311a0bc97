package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.audio.LoudnessNormalizer;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import dev.shabdam.speech.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SentenceStreamerTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.fromClasspath();
    private static final EmotionTable EMOTIONS = EmotionTable.fromClasspath();

    private final ToneSynthesizer tone = new ToneSynthesizer();
    private final SentenceStreamer streamer =
            new SentenceStreamer(tone, NORMALIZER, EMOTIONS, LoudnessNormalizer.standard());

    private static SynthesisRequest ml(String text) {
        return new SynthesisRequest(text, Language.ML, null, Prosody.NEUTRAL);
    }

    @Test
    void handsOverEachSentenceBeforeSynthesisingTheNext() {
        List<Integer> enginCallsSeenBySink = new ArrayList<>();
        List<SpeechChunk> chunks = new ArrayList<>();
        int count = streamer.stream(ml("ഒന്നാം വാക്യം. രണ്ടാം വാക്യം? മൂന്നാം വാക്യം!"), chunk -> {
            chunks.add(chunk);
            enginCallsSeenBySink.add(tone.requests.size());
        });
        assertThat(count).isEqualTo(3);
        assertThat(enginCallsSeenBySink).containsExactly(1, 2, 3);
        assertThat(chunks)
                .extracting(SpeechChunk::text)
                .containsExactly("ഒന്നാം വാക്യം.", "രണ്ടാം വാക്യം?", "മൂന്നാം വാക്യം!");
        assertThat(chunks).extracting(SpeechChunk::last).containsExactly(false, false, true);
    }

    @Test
    void appendsTheEmotionsSentencePauseExceptAfterTheLast() {
        List<SpeechChunk> chunks = new ArrayList<>();
        String text = "ഒന്ന്. രണ്ട്.";
        streamer.stream(
                new SynthesisRequest(text, Language.ML, null, Prosody.NEUTRAL.withEmotion(Emotion.SAD)), chunks::add);
        double speech = "ഒന്ന്.".length() / 20.0;
        assertThat(chunks.get(0).audio().durationSeconds()).isCloseTo(speech + 0.600, within(0.002));
        assertThat(chunks.get(1).audio().durationSeconds()).isCloseTo("രണ്ട്.".length() / 20.0, within(0.002));
    }

    @Test
    void levelsEachChunkToTheLoudnessTarget() {
        Audio all = streamer.synthesizeAll(ml("ഇതൊരു നീണ്ട വാക്യമാണ്, ഒരു സെക്കൻഡിലേറെ."));
        assertThat(new LoudnessMeter()
                        .measure(DecodedAudio.mono(all.sampleRate(), all.samples()))
                        .integratedLufs())
                .isCloseTo(-16, within(0.5));
    }

    @Test
    void sendsLatinSegmentsToTheEnglishVoice() {
        streamer.stream(ml("ഞാൻ Google ഉപയോഗിക്കുന്നു."), chunk -> {});
        assertThat(tone.requests)
                .extracting(r -> r.language().code() + ":" + r.text().strip())
                .containsExactly("ml:ഞാൻ", "en:Google", "ml:ഉപയോഗിക്കുന്നു.");
    }

    @Test
    void ssmlBreaksProsodyAndSayAsReachTheEngine() {
        List<SpeechChunk> chunks = new ArrayList<>();
        streamer.stream(ml("""
                <speak>ആദ്യം.<break time="700ms"/><prosody rate="fast" pitch="+3st" volume="loud">വേഗത്തിൽ.</prosody>
                <say-as interpret-as="characters">AB</say-as></speak>"""), chunks::add);
        assertThat(chunks).extracting(SpeechChunk::text).containsExactly("ആദ്യം.", "വേഗത്തിൽ.", "എ ബി");
        assertThat(chunks.get(0).audio().durationSeconds()).isCloseTo("ആദ്യം.".length() / 20.0 + 0.7, within(0.002));
        Prosody fast = tone.requests.get(1).prosody();
        assertThat(fast.speed()).isEqualTo(1.25);
        assertThat(fast.pitchSemitones()).isEqualTo(3);
        assertThat(fast.volume()).isEqualTo(1.4);
    }

    @Test
    void cacheKeyFollowsTheNormalisedText() {
        CacheScope scope = new CacheScope("tenant-a");
        assertThat(streamer.cacheKey(scope, ml("₹500"))).isEqualTo(streamer.cacheKey(scope, ml("Rs. 500")));
        assertThat(streamer.cacheKey(scope, ml("₹500"))).isNotEqualTo(streamer.cacheKey(scope, ml("₹501")));
        assertThat(streamer.cacheKey(scope, ml("₹500")))
                .as("another tenant's cache")
                .isNotEqualTo(streamer.cacheKey(new CacheScope("tenant-b"), ml("₹500")));
    }

    @Test
    void malformedSsmlIsRejectedBeforeAnySynthesis() {
        assertThatThrownBy(() -> streamer.stream(ml("<speak>തുറന്നു <prosody rate=\"fast\">പക്ഷേ</speak>"), c -> {}))
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("invalid_ssml");
        assertThat(tone.requests).isEmpty();
    }

    @Test
    void streamsRealMalayalamThroughEspeak() {
        assumeTrue(EspeakSynthesizer.isAvailable(), "libespeak-ng is not installed");
        SentenceStreamer real = new SentenceStreamer(
                new EspeakSynthesizer(EMOTIONS), NORMALIZER, EMOTIONS, LoudnessNormalizer.standard());
        List<SpeechChunk> chunks = new ArrayList<>();
        real.stream(ml("ഡോ. രാമൻ 10:30-ന് വന്നു. ഫീസ് ₹500 ആണ്."), chunks::add);
        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.audio().sampleRate()).isEqualTo(22050);
            assertThat(c.audio().durationSeconds()).isGreaterThan(0.5);
        });
    }
}
