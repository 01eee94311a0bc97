package dev.shabdam.pipeline.synthesis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.io.JobStateSinks;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.io.SynthesisCacheIndex;
import dev.shabdam.pipeline.io.TestJdbc;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.pipeline.watermark.WatermarkDetector;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.EventSeq;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.schemas.jobs.WatermarkId;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.prosody.Emotion;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;
import dev.shabdam.testsupport.Requests;
import dev.shabdam.testsupport.TestPostgres;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GENERATE on Flink's harness with the real in-process espeak-ng, writing into file:// storage, with the
 * synthesis_cache table on a real PostgreSQL. The main output is the record; {@link GenerateOperator#REPLIES}
 * what waiting clients get.
 */
class GenerateOperatorTest {
    @TempDir
    Path storageRoot;

    @TempDir
    Path voices;

    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceEvent> harness;
    private WatermarkSettings watermarking = WatermarkSettings.DEVELOPMENT;
    /** The job the last {@link #run} submitted. */
    private String jobId;

    private SynthesisCacheIndex index = new SynthesisCacheIndex(TestJdbc.connection());

    @BeforeAll
    static void needsEspeak() {
        EspeakRequired.assumeInstalled("GenerateOperatorTest");
    }

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void speaksMalayalamSentenceBySentenceIntoTheCache() throws Exception {
        List<VoiceEvent> events = run(request(unique("ഇന്ന് നല്ല ദിവസമാണ്. നമുക്ക് പോകാം."), AudioFormat.WAV, false));

        assertThat(events).first().satisfies(e -> assertThat(e.seq()).isEqualTo(EventSeq.FIRST));
        assertThat(events.subList(1, 3)).extracting(VoiceEvent::segment).containsExactly(0, 1);
        VoiceEvent done = events.get(events.size() - 1);
        assertThat(done.kind()).isEqualTo(EventKind.COMPLETED);
        assertThat(done.seq()).isEqualTo(EventSeq.FINAL);
        JsonNode result = RecordCodec.mapper().readTree(done.result());
        assertThat(result.get("cached").asBoolean()).isFalse();
        assertThat(result.get("sentences").asInt()).isEqualTo(2);
        assertThat(result.get("engine").asText()).isEqualTo("espeak-ng");
        String audioKey = done.outputs().get("audio");
        assertThat(audioKey).as("the job's own, marked").isEqualTo("jobs/" + jobId + "/outputs/audio.wav");
        assertThat(storageRoot.resolve(new CacheScope(Requests.TENANT)
                        .storageKey(result.get("cacheKey").asText(), "wav")))
                .as("the unmarked synthesis, in the cache")
                .isRegularFile();
        assertThat(replies())
                .as("without streaming the waiting client hears the end only")
                .singleElement()
                .satisfies(reply -> assertThat(reply.seq()).isEqualTo(EventSeq.FINAL));
        ProbeResult probed =
                new FfmpegMediaProbe().probe(storageRoot.resolve(audioKey).toFile());
        assertThat(probed.durationSec()).isGreaterThan(1.0);
        assertThat(probed.sampleRateHz()).isEqualTo(22_050);
    }

    @Test
    void theSameRequestAgainIsAHitWithoutSynthesisMarkedForItsOwnJob() throws Exception {
        String text = unique("സ്വാഗതം. ഇന്ന് നല്ല ദിവസമാണ്, നമുക്ക് ഒരുമിച്ച് പോകാം.");
        VoiceEvent first = last(run(request(text, AudioFormat.WAV, false)));
        String firstJob = jobId;
        String cacheObject = new CacheScope(Requests.TENANT)
                .storageKey(
                        RecordCodec.mapper()
                                .readTree(first.result())
                                .get("cacheKey")
                                .asText(),
                        "wav");
        byte[] cached = Files.readAllBytes(storageRoot.resolve(cacheObject));

        List<VoiceEvent> again = run(request(text, AudioFormat.WAV, false));

        assertThat(again)
                .extracting(VoiceEvent::seq)
                .as("no sentence was synthesised")
                .containsExactly(EventSeq.FIRST, EventSeq.FINAL);
        VoiceEvent second = last(again);
        assertThat(RecordCodec.mapper().readTree(second.result()).get("cached").asBoolean())
                .isTrue();
        assertThat(Files.readAllBytes(storageRoot.resolve(cacheObject)))
                .as("the cache is not touched")
                .isEqualTo(cached);
        WatermarkDetector detector = new WatermarkDetector(WatermarkSettings.DEVELOPMENT.key());
        float[] firstAudio = decoded(first.outputs().get("audio"));
        float[] secondAudio = decoded(second.outputs().get("audio"));
        assertThat(detector.detect(firstAudio, 22_050).payload()).hasValue(WatermarkId.of(firstJob));
        assertThat(detector.detect(secondAudio, 22_050).payload()).hasValue(WatermarkId.of(jobId));
        assertThat(detector.detect(decoded(cacheObject), 22_050).watermarked())
                .as("the cache holds the unmarked synthesis")
                .isFalse();
    }

    private float[] decoded(String key) throws Exception {
        return new AudioDecoder().decode(storageRoot.resolve(key).toFile()).channels()[0];
    }

    @Test
    void streamingSendsEachSentenceInlineBeforeTheWholeAndStoresOnlyTheWhole() throws Exception {
        List<VoiceEvent> events = run(request(unique("ഒന്ന്. രണ്ട്. മൂന്ന്."), AudioFormat.WAV, true));

        List<VoiceEvent> sentences = replies().subList(0, replies().size() - 1);
        assertThat(sentences)
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.inlineOutput("sentence-" + e.segment()))
                        .hasValueSatisfying(wav -> assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII))
                                .isEqualTo("RIFF")));
        assertThat(events.subList(1, events.size() - 1))
                .allSatisfy(e -> assertThat(e.outputs()).isEmpty());
        assertThat(last(events).kind()).isEqualTo(EventKind.COMPLETED);
        String cacheObject = new CacheScope(Requests.TENANT)
                .storageKey(
                        RecordCodec.mapper()
                                .readTree(last(events).result())
                                .get("cacheKey")
                                .asText(),
                        "wav");
        assertThat(storedKeys())
                .as("the sentences travelled inline only")
                .containsExactlyInAnyOrder(last(events).outputs().get("audio"), cacheObject);
    }

    @Test
    void aSentenceTooLargeToTravelInlineIsStoredAndNamed() throws Exception {
        String longSentence = unique("ഇന്ന് രാവിലെ " + "കുട്ടികളും അധ്യാപകരും രക്ഷിതാക്കളും ഒരുമിച്ച് ".repeat(6)
                + "വിദ്യാലയത്തിലേക്ക് പോയി.");
        List<VoiceEvent> events = run(new GenerateJob(
                longSentence, Language.ML, null, new Prosody(0.5, 0, Emotion.NEUTRAL, 1.0), AudioFormat.WAV, true));

        VoiceEvent sentence = events.get(1);
        String key = sentence.outputs().get("sentence-0");
        assertThat(key).as("named in the record").isNotNull();
        assertThat(Files.size(storageRoot.resolve(key))).isGreaterThan(VoiceEvent.MAX_INLINE_OUTPUT_BYTES);
        assertThat(replies().get(0).inlineOutputs())
                .as("the reply names it only")
                .isEmpty();
        assertThat(replies().get(0).outputs()).containsEntry("sentence-0", key);
    }

    @Test
    void encodesMp3AndOgg() throws Exception {
        String text = unique("Good morning.");
        for (AudioFormat format : List.of(AudioFormat.MP3, AudioFormat.OGG)) {
            VoiceEvent done = last(run(new GenerateJob(text, Language.EN, null, Prosody.NEUTRAL, format, false)));
            ProbeResult probed = new FfmpegMediaProbe()
                    .probe(storageRoot.resolve(done.outputs().get("audio")).toFile());
            assertThat(probed.streams().get(0).codec())
                    .as(format.name())
                    .isEqualTo(format == AudioFormat.MP3 ? "mp3" : "opus");
        }
    }

    @Test
    void repliesCarryTheAudioInlineWhileTheRecordOnlyNamesIt() throws Exception {
        List<VoiceEvent> recorded = run(request(unique("ഒന്ന്. രണ്ട്."), AudioFormat.WAV, true));
        List<VoiceEvent> replies = replies();

        assertThat(replies)
                .extracting(VoiceEvent::seq)
                .as("the sentences and the end reach the waiting client")
                .containsExactly(EventSeq.FIRST + 1, EventSeq.FIRST + 2, EventSeq.FINAL);
        assertThat(recorded)
                .extracting(VoiceEvent::seq)
                .as("the record has every event")
                .containsExactly(EventSeq.FIRST, EventSeq.FIRST + 1, EventSeq.FIRST + 2, EventSeq.FINAL);
        assertThat(recorded).allSatisfy(e -> assertThat(e.inlineOutputs()).isEmpty());
        assertThat(replies.subList(0, 2))
                .allSatisfy(reply -> assertThat(reply.inlineOutput("sentence-" + reply.segment()))
                        .isPresent());
        VoiceEvent done = last(replies);
        assertThat(done.inlineOutput(GenerateJob.AUDIO))
                .hasValue(Files.readAllBytes(storageRoot.resolve(done.outputs().get(GenerateJob.AUDIO))));
        assertThat(replies)
                .extracting(VoiceEvent::withoutInlineOutputs)
                .as("otherwise the same events")
                .containsExactlyElementsOf(recorded.subList(1, recorded.size()));
    }

    @Test
    void aResultInTheTableIsAHitWithoutSynthesisAndATenantWithoutMarksGetsTheCachedObject() throws Exception {
        watermarking = new WatermarkSettings(WatermarkSettings.DEVELOPMENT.key(), Set.of(Requests.TENANT));
        GenerateJob parameters = request(unique("ഇത് പട്ടികയിൽ ഉണ്ട്."), AudioFormat.WAV, false);
        SpeechEngines.Route route = SpeechEngines.shared(voices).route(null);
        CacheScope scope = new CacheScope(Requests.TENANT);
        String cacheKey = route.streamer()
                .cacheKey(
                        scope,
                        new SynthesisRequest(
                                parameters.text(), parameters.language(), route.engineVoiceId(), parameters.prosody()));
        String audioKey = scope.storageKey(cacheKey, "wav");
        byte[] stored = {'R', 'I', 'F', 'F', 1, 2, 3}; // not what the engine makes: a synthesis would replace it
        Files.createDirectories(storageRoot.resolve(audioKey).getParent());
        Files.write(storageRoot.resolve(audioKey), stored);
        try (Connection c = TestPostgres.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO synthesis_cache (cache_key, storage_key,"
                        + " engine, language, format, duration_sec, size_bytes, created_at, result)"
                        + " VALUES (?, ?, 'espeak-ng', 'ml', 'wav', 9.5, 7, now(), CAST(? AS jsonb))")) {
            insert.setString(1, cacheKey);
            insert.setString(2, audioKey);
            insert.setString(3, "{\"durationSec\": 9.5, \"format\": \"wav\", \"cacheKey\": \"" + cacheKey + "\"}");
            insert.executeUpdate();
        }

        List<VoiceEvent> events = run(parameters);

        assertThat(events)
                .extracting(VoiceEvent::seq)
                .as("no sentence was synthesised")
                .containsExactly(EventSeq.FIRST, EventSeq.FINAL);
        JsonNode result = RecordCodec.mapper().readTree(last(events).result());
        assertThat(result.get("cached").asBoolean()).isTrue();
        assertThat(result.get("durationSec").asDouble())
                .as("the table's result")
                .isEqualTo(9.5);
        assertThat(last(events).outputs())
                .as("unmarked: the cached object itself")
                .containsEntry(GenerateJob.AUDIO, audioKey);
        assertThat(Files.readAllBytes(storageRoot.resolve(audioKey))).isEqualTo(stored);
    }

    @Test
    void anUnreachableTableIsAMissNotAFailure() throws Exception {
        index = new SynthesisCacheIndex(
                JobStateSinks.connection("jdbc:postgresql://127.0.0.1:1/shabdam", "nobody", null));

        VoiceEvent done = last(run(request(unique("നമസ്കാരം."), AudioFormat.WAV, false)));

        assertThat(done.kind()).isEqualTo(EventKind.COMPLETED);
        assertThat(RecordCodec.mapper().readTree(done.result()).get("cached").asBoolean())
                .isFalse();
    }

    @Test
    void badRequestsFailWithTheEngineCodes() throws Exception {
        Map<String, String> tooFast =
                new HashMap<>(request("x", AudioFormat.WAV, false).toParameters());
        tooFast.put("speed", "10");
        assertThat(last(run(tooFast)).error().code()).isEqualTo("invalid_parameter");

        GenerateJob missingVoice = new GenerateJob(
                "hello", Language.EN, "piper-ml-in-meera-medium", Prosody.NEUTRAL, AudioFormat.WAV, false);
        VoiceEvent failed = last(run(missingVoice));
        assertThat(failed.seq()).isEqualTo(EventSeq.FINAL);
        assertThat(failed.error().code()).isEqualTo("model_missing");
        assertThat(failed.error().detail()).contains("piper-ml-in-meera-medium").doesNotContain(voices.toString());
        assertThat(replies())
                .as("the waiting client hears of the failure")
                .singleElement()
                .satisfies(reply -> assertThat(reply.error().code()).isEqualTo("model_missing"));
    }

    @Test
    void aVoiceNobodyNamesIsNotFoundAndAPathIsNoVoice() throws Exception {
        VoiceEvent unknown = last(
                run(new GenerateJob("hello", Language.EN, "ml-in-nobody", Prosody.NEUTRAL, AudioFormat.WAV, false)));
        assertThat(unknown.error().code()).isEqualTo("voice_not_found");

        Map<String, String> pathAsVoice =
                new HashMap<>(request("x", AudioFormat.WAV, false).toParameters());
        pathAsVoice.put("voiceId", "../../../../etc/passwd");
        VoiceEvent refused = last(run(pathAsVoice));
        assertThat(refused.error().code()).isEqualTo("invalid_voice");
        assertThat(refused.error().detail()).doesNotContain("passwd");
    }

    private static GenerateJob request(String text, AudioFormat format, boolean stream) {
        return new GenerateJob(text, Language.ML, null, Prosody.NEUTRAL, format, stream);
    }

    /** The cache is per JVM: a text of its own keeps a test independent of the others. */
    private static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9]", "");
    }

    private List<VoiceEvent> run(GenerateJob parameters) throws Exception {
        return run(parameters.toParameters());
    }

    private List<VoiceEvent> run(Map<String, String> parameters) throws Exception {
        if (harness != null) {
            harness.close();
        }
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new GenerateOperator(
                        new ObjectStorage(storageRoot.toUri().toString()),
                        index,
                        voices.toString(),
                        Quarantines.fresh(),
                        watermarking)),
                VoiceRequest::jobId,
                Types.STRING);
        harness.open();
        jobId = "job-" + UUID.randomUUID();
        harness.processElement(
                VoiceRequest.submit(jobId, Requests.TENANT, JobType.GENERATE, parameters, Map.of(), Requests.AT), 0);
        return harness.extractOutputValues();
    }

    private List<VoiceEvent> replies() {
        return harness.getSideOutput(GenerateOperator.REPLIES).stream()
                .map(StreamRecord::getValue)
                .toList();
    }

    private List<String> storedKeys() throws IOException {
        try (Stream<Path> files = Files.walk(storageRoot)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> storageRoot.relativize(file).toString())
                    .toList();
        }
    }

    private static VoiceEvent last(List<VoiceEvent> events) {
        return events.get(events.size() - 1);
    }
}
