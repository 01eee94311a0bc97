package dev.shabdam.pipeline.dubbing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import dev.shabdam.pipeline.dubbing.translation.TranslatorSettings;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Ingest on Flink's harness: the script it writes from real uploads, and the reasons it refuses a job. */
class DubIngestOperatorTest {
    @TempDir
    Path storageRoot;

    @TempDir
    Path models;

    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceEvent> harness;
    private TranslatorSettings translation;

    @BeforeAll
    static void needsEspeak() {
        EspeakRequired.assumeInstalled("DubIngestOperatorTest");
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void scriptsOneLinePerCueAndPlansTheAssembly() throws Exception {
        VoiceRequest request = fixtures()
                .video(6)
                .subtitles(DubFixtures.SOURCE_SRT)
                .translation(DubFixtures.TARGET_SRT)
                .request();

        List<VoiceEvent> events = run(request);

        assertThat(events)
                .extracting(VoiceEvent::seq, VoiceEvent::kind)
                .containsExactly(
                        tuple(1, EventKind.PROGRESS), tuple(2, EventKind.PROGRESS), tuple(4, EventKind.PROGRESS));
        assertThat(lines())
                .extracting(
                        LineTask::index,
                        LineTask::startMs,
                        LineTask::endMs,
                        LineTask::nextStartMs,
                        LineTask::sourceText,
                        LineTask::targetText)
                .containsExactly(
                        tuple(0, 500L, 2000L, 2500L, "Good morning.", "സുപ്രഭാതം."),
                        tuple(1, 2500L, 4000L, 4200L, "How are you?", "സുഖമാണോ?"),
                        tuple(2, 4200L, 5500L, 6000L, "See you soon.", "വീണ്ടും കാണാം."));
        assertThat(lines()).extracting(LineTask::count, LineTask::language).containsOnly(tuple(3, "ml"));
        DubPlan plan = harness.getSideOutput(DubIngestOperator.PLANS).peek().getValue();
        assertThat(plan.lineCount()).isEqualTo(3);
        assertThat(plan.hasVideo()).isTrue();
        assertThat(plan.durationMs()).isBetween(5900L, 6100L);
        assertThat(plan.keepBackground()).isTrue();
    }

    @Test
    void aTranslationAloneTimesTheLines() throws Exception {
        run(fixtures().video(6).translation(DubFixtures.TARGET_SRT).request());

        assertThat(lines())
                .extracting(LineTask::sourceText, LineTask::targetText)
                .containsExactly(tuple(null, "സുപ്രഭാതം."), tuple(null, "സുഖമാണോ?"), tuple(null, "വീണ്ടും കാണാം."));
    }

    @Test
    void withoutSubtitlesSpeechRecognitionIsNeededAndItsMissingModelIsNamedBeforeAnyWork() throws Exception {
        List<VoiceEvent> events = run(fixtures().video(6).request());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.error().code()).isEqualTo("model_missing");
            assertThat(e.error().detail()).contains("whisper-base", "upload subtitles");
        });
    }

    @Test
    void subtitlesWithoutTranslationNeedAnEngine() throws Exception {
        assertFails(
                fixtures().video(6).subtitles(DubFixtures.SOURCE_SRT).request(),
                "translation_unavailable",
                "SHABDAM_TRANSLATE_ENGINE");
    }

    @Test
    void subtitlesWithoutTranslationAreTranslatedByTheConfiguredEngineInOneCall() throws Exception {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        HttpServer libreTranslate = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        libreTranslate.createContext("/translate", exchange -> {
            JsonNode body = RecordCodec.mapper().readTree(exchange.getRequestBody());
            requests.add(body);
            ArrayNode translated = RecordCodec.mapper().createArrayNode();
            body.get("q").forEach(q -> translated.add("ml(" + q.asText() + ")"));
            byte[] answer = RecordCodec.mapper()
                    .writeValueAsBytes(RecordCodec.mapper().createObjectNode().set("translatedText", translated));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        libreTranslate.start();
        try {
            translation = new TranslatorSettings(
                    TranslatorSettings.LIBRETRANSLATE,
                    "http://127.0.0.1:" + libreTranslate.getAddress().getPort(),
                    null,
                    null,
                    50);
            run(fixtures().video(6).subtitles(DubFixtures.SOURCE_SRT).request());
        } finally {
            libreTranslate.stop(0);
        }

        assertThat(lines())
                .extracting(LineTask::targetText)
                .containsExactly("ml(Good morning.)", "ml(How are you?)", "ml(See you soon.)");
        assertThat(requests).singleElement().satisfies(body -> {
            assertThat(body.get("source").asText()).isEqualTo("en");
            assertThat(body.get("target").asText()).isEqualTo("ml");
        });
    }

    @Test
    void aTranslationMustMatchTheSubtitlesCueForCue() throws Exception {
        String twoCues = DubFixtures.TARGET_SRT.substring(0, DubFixtures.TARGET_SRT.indexOf("\n3\n"));
        assertFails(
                fixtures()
                        .video(6)
                        .subtitles(DubFixtures.SOURCE_SRT)
                        .translation(twoCues)
                        .request(),
                "invalid_subtitles",
                "the translation has 2 cues and the subtitles 3");
    }

    @Test
    void malformedSubtitlesSayWhereTheyAreWrong() throws Exception {
        assertFails(
                fixtures()
                        .video(6)
                        .subtitles("1\n00:00:01,000 -> 00:00:02,000\nHello\n")
                        .translation(DubFixtures.TARGET_SRT)
                        .request(),
                "invalid_subtitles",
                "subtitles: line 2");
    }

    @Test
    void aCueAfterTheEndOfTheMediaIsRefused() throws Exception {
        assertFails(
                fixtures()
                        .video(3)
                        .subtitles(DubFixtures.SOURCE_SRT)
                        .translation(DubFixtures.TARGET_SRT)
                        .request(),
                "invalid_subtitles",
                "cue 3 starts at 00:00:04,200, after the media ends");
    }

    @Test
    void lipSyncWithoutItsModelFailsBeforeAnyWork() throws Exception {
        List<VoiceEvent> events = run(fixtures()
                .video(6)
                .subtitles(DubFixtures.SOURCE_SRT)
                .translation(DubFixtures.TARGET_SRT)
                .parameter("lipSync", "true")
                .request());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(EventSeq.FINAL);
            assertThat(e.error().code()).isEqualTo("model_missing");
            assertThat(e.error().detail()).contains("wav2lip");
        });
        assertThat(harness.getSideOutput(DubIngestOperator.LINES)).isNull();
    }

    @Test
    void lipSyncWithItsModelInstalledIsRefusedAsNotBuiltRatherThanIgnored() throws Exception {
        Path model = models.resolve(DubIngestOperator.LIP_SYNC_MODEL);
        Files.createDirectories(model.getParent());
        Files.write(model, new byte[] {1});

        assertFails(
                fixtures()
                        .video(6)
                        .translation(DubFixtures.TARGET_SRT)
                        .parameter("lipSync", "true")
                        .request(),
                "not_implemented",
                "lip-sync");
    }

    @Test
    void onlyMalayalamIsATarget() throws Exception {
        assertFails(
                fixtures()
                        .video(6)
                        .translation(DubFixtures.TARGET_SRT)
                        .parameter("targetLanguage", "fr")
                        .request(),
                "unsupported_language",
                "targetLanguage");
    }

    @Test
    void anUnknownVoiceFailsTheJobAtOnce() throws Exception {
        assertFails(
                fixtures()
                        .video(6)
                        .translation(DubFixtures.TARGET_SRT)
                        .parameter("voiceId", "ml-in-nobody")
                        .request(),
                "voice_not_found",
                "ml-in-nobody");
    }

    @Test
    void aVoiceTheManifestNamesButThatIsNotInstalledIsAMissingModel() throws Exception {
        assertFails(
                fixtures()
                        .video(6)
                        .translation(DubFixtures.TARGET_SRT)
                        .parameter("voiceId", "piper-ml-in-meera-medium")
                        .request(),
                "model_missing",
                "piper/ml_IN-meera-medium.onnx");
    }

    private void assertFails(VoiceRequest request, String code, String detail) throws Exception {
        List<VoiceEvent> events = run(request);
        assertThat(events).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FAILED);
            assertThat(e.error().code()).isEqualTo(code);
            assertThat(e.error().detail()).contains(detail);
        });
        assertThat(harness.getSideOutput(DubIngestOperator.PLANS)).isNull();
    }

    private DubFixtures fixtures() {
        return new DubFixtures(storageRoot, "job-dub");
    }

    private List<VoiceEvent> run(VoiceRequest request) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DubIngestOperator(
                        new ObjectStorage(storageRoot.toUri().toString()),
                        new FfmpegMediaProbe(),
                        models.toString(),
                        translation,
                        JobLimits.DEFAULT,
                        Quarantines.fresh())),
                VoiceRequest::jobId,
                Types.STRING);
        harness.open();
        harness.processElement(request, 0);
        return harness.extractOutputValues();
    }

    private List<LineTask> lines() {
        return Objects.requireNonNull(harness.getSideOutput(DubIngestOperator.LINES)).stream()
                .map(StreamRecord::getValue)
                .toList();
    }
}
