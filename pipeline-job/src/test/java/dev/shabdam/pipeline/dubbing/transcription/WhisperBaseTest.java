package dev.shabdam.pipeline.dubbing.transcription;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.speech.prosody.EmotionTable;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real whisper-base, where models/fetch's cache has it (it cannot be fetched from every machine): espeak-ng's English, heard. */
class WhisperBaseTest {
    /** Tests run in pipeline-job/; the cache is under the repository root. */
    private static final Path MODELS = Stream.of(Path.of("../models/cache"), Path.of("models/cache"))
            .filter(WhisperBaseTest::installed)
            .findFirst()
            .orElse(null);

    private static boolean installed(Path dir) {
        return Stream.of(
                        WhisperTranscriber.ENCODER_FILE,
                        WhisperTranscriber.DECODER_FILE,
                        WhisperTranscriber.TOKENIZER_FILE)
                .allMatch(file -> Files.isRegularFile(dir.resolve(file)));
    }

    @Test
    void hearsAnEnglishSentence() throws Exception {
        if (MODELS == null) {
            System.out.println("SKIPPED whisper-base test: models/cache/whisper-base/{encoder_model.onnx, "
                    + "decoder_model_merged.onnx, tokenizer.json} not installed (see models/manifest.json)");
        }
        assumeTrue(MODELS != null, "whisper-base is not installed under models/cache");
        EspeakRequired.assumeInstalled("whisper-base test");
        Audio speech = new EspeakSynthesizer(EmotionTable.fromClasspath())
                .synthesize(new SynthesisRequest(
                        "Every morning she walks to the market by the river.", Language.EN, null, Prosody.NEUTRAL));
        float[] pcm16k = Resampler.resample(speech.samples(), speech.sampleRate(), WhisperFeatures.SAMPLE_RATE_HZ);

        List<TimedText> heard;
        try (WhisperTranscriber whisper = WhisperTranscriber.load(MODELS)) {
            heard = whisper.transcribe(pcm16k, "en");
        }
        System.out.println("whisper-base heard: " + heard);
        String text = heard.stream()
                .map(TimedText::text)
                .collect(Collectors.joining(" "))
                .toLowerCase();
        assertThat(text).contains("morning").contains("market");
        long durationMs = pcm16k.length * 1000L / WhisperFeatures.SAMPLE_RATE_HZ;
        assertThat(heard).allSatisfy(piece -> assertThat(piece.endMs()).isBetween(piece.startMs(), durationMs + 500));
    }
}
