package dev.shabdam.pipeline.training;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.cloning.CloningTrial;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.speech.prosody.EmotionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class QualityGateTest {
    static final String[] SENTENCES = {
        "The quick brown fox jumps over the lazy dog near the quiet river bank.",
        "Every morning she walks to the market and buys fresh bread and fruit.",
        "A voice engine listens carefully before it learns to speak like you.",
        "We measured the loudness of the recording twice to be completely sure.",
    };

    private static EspeakSynthesizer engine;
    private final SamplePreprocessor preprocessor = SamplePreprocessor.standard();
    private final QualityGate gate = new QualityGate();

    @BeforeAll
    static void engine() {
        EspeakRequired.assumeInstalled("QualityGateTest");
        engine = new EspeakSynthesizer(EmotionTable.fromClasspath());
    }

    static DecodedAudio speech(String voice, String... sentences) {
        return CloningTrial.recorded(engine, voice, sentences);
    }

    private SampleVerdict judge(DecodedAudio audio) {
        SampleVerdict verdict = gate.judge("sample", audio, preprocessor.prepare(audio));
        System.out.println(verdict);
        return verdict;
    }

    /** Six times louder, cut at full scale. */
    private static float[] clipped(float[] samples) {
        float[] x = samples.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1f, Math.min(1f, x[i] * 6));
        }
        return x;
    }

    @Test
    void acceptsCleanSpeechOfOneVoice() {
        SampleVerdict verdict = judge(speech(null, SENTENCES));
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.metrics().speechSec()).isBetween(10.0, 16.0);
        assertThat(verdict.metrics().voiceChange()).isLessThan(QualityGate.MAX_VOICE_CHANGE);
    }

    @Test
    void refusesTwoSpeakersInOneSample() {
        DecodedAudio first = speech(null, SENTENCES[0], SENTENCES[1]);
        DecodedAudio second = speech("en+f3", SENTENCES[2], SENTENCES[3]);
        float[] both = Resampler.join(first.channels()[0], second.channels()[0]);
        SampleVerdict verdict = judge(DecodedAudio.mono(first.sampleRate(), both));
        assertThat(verdict.reasons()).containsExactly(RejectReason.SPEAKER_CHANGE);
    }

    @Test
    void refusesSilence() {
        SampleVerdict verdict = judge(DecodedAudio.silence(22050, 1, 22050 * 5));
        assertThat(verdict.reasons()).containsExactly(RejectReason.SILENT);
    }

    @Test
    void refusesUnderThreeSecondsOfSpeech() {
        SampleVerdict verdict = judge(speech(null, "Hello there."));
        assertThat(verdict.reasons()).containsExactly(RejectReason.TOO_SHORT);
        assertThat(verdict.metrics().speechSec()).isLessThan(QualityGate.MIN_SPEECH_SEC);
    }

    @Test
    void refusesClippedSpeech() {
        DecodedAudio clean = speech(null, SENTENCES[0], SENTENCES[1]);
        float[] x = clipped(clean.channels()[0]);
        SampleVerdict verdict = judge(DecodedAudio.mono(clean.sampleRate(), x));
        assertThat(verdict.reasons()).contains(RejectReason.CLIPPED);
        assertThat(verdict.metrics().clippingRatio()).isGreaterThan(QualityGate.MAX_CLIPPING_RATIO);
    }

    @Test
    void refusesSpeechInNoise() {
        DecodedAudio clean = speech(null, SENTENCES[0], SENTENCES[1]);
        float[] x = clean.channels()[0].clone();
        Random random = new Random(7);
        double rms = Math.pow(10, new Audio(x, clean.sampleRate()).rmsDbfs() / 20);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float) (random.nextGaussian() * rms); // noise as loud as the speech
        }
        SampleVerdict verdict = judge(DecodedAudio.mono(clean.sampleRate(), x));
        assertThat(verdict.reasons()).contains(RejectReason.NOISY);
        assertThat(verdict.metrics().snrDb()).isLessThan(QualityGate.MIN_SNR_DB);
    }

    @Test
    void refusesAudioDecodedUnderTheAnalysisRate() {
        DecodedAudio clean = speech(null, SENTENCES[0], SENTENCES[1]);
        float[] narrow = Resampler.resample(clean.channels()[0], clean.sampleRate(), 8000);
        SampleVerdict verdict = judge(DecodedAudio.mono(8000, narrow));
        assertThat(verdict.reasons()).containsExactly(RejectReason.SAMPLE_RATE);
        assertThat(verdict.metrics().sampleRateHz()).isEqualTo(8000);
    }

    @Test
    void reportsEveryReasonThatStands() {
        DecodedAudio clean = speech(null, "Hello there.");
        float[] x = clipped(clean.channels()[0]);
        float[] narrow = Resampler.resample(x, clean.sampleRate(), 8000);
        SampleVerdict verdict = judge(DecodedAudio.mono(8000, narrow));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasons())
                .containsAll(List.of(RejectReason.SAMPLE_RATE, RejectReason.TOO_SHORT, RejectReason.CLIPPED));
    }
}
