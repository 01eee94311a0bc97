package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** POST /voice/dub: the media and subtitle parts checked and stored, the options validated, one DUB job queued. */
class DubUploadTest extends GatewayTestSupport {
    private static final byte[] SRT =
            "1\n00:00:00,100 --> 00:00:00,900\nHello there.\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VTT = "WEBVTT\n\n00:00.100 --> 00:00.900\nനമസ്കാരം.\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void mediaAndBothSubtitlesAreStoredAndOneDubJobQueued() throws IOException {
        byte[] media = Media.wav(16_000);
        HttpResponse<byte[]> response = http.upload(
                "/voice/dub?sourceLanguage=en&keepOriginalTrack=true",
                KEY_A,
                List.of(
                        new Http.Part("file", "clip.wav", media),
                        new Http.Part("subtitles", "en.srt", SRT),
                        new Http.Part("translation", "ml.vtt", VTT)));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(202);
        String jobId = Http.json(response).get("jobId").asText();
        String fileKey = StorageKeys.upload("tenantA", jobId, "input.wav");
        String sourceKey = StorageKeys.upload("tenantA", jobId, "subtitles.srt");
        String targetKey = StorageKeys.upload("tenantA", jobId, "translation.vtt");
        assertThat(Files.readAllBytes(STORAGE.resolve(fileKey))).isEqualTo(media);
        assertThat(Files.readAllBytes(STORAGE.resolve(sourceKey))).isEqualTo(SRT);
        assertThat(Files.readAllBytes(STORAGE.resolve(targetKey))).isEqualTo(VTT);

        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
        VoiceRequest request = requestsOf(jobId).get(0);
        assertThat(request.type()).isEqualTo(JobType.DUB);
        assertThat(request.inputs())
                .containsEntry("file", fileKey)
                .containsEntry("subtitles", sourceKey)
                .containsEntry("translation", targetKey);
        assertThat(request.parameters())
                .containsEntry("sourceLanguage", "en")
                .containsEntry("targetLanguage", "ml")
                .containsEntry("keepBackground", "true")
                .containsEntry("keepOriginalTrack", "true")
                .containsEntry("lipSync", "false")
                .doesNotContainKey("voiceId");
    }

    @Test
    void aPersonaNameStandsForItsVoice() {
        String name = "dub-persona-" + UUID.randomUUID();
        HttpResponse<byte[]> created = http.send(Speech.json(
                        http,
                        "/voice/personas",
                        KEY_A,
                        "{\"name\":\"" + name + "\",\"voiceId\":\"piper-ml-in-meera-medium\",\"language\":\"ml\"}")
                .build());
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<byte[]> response = http.upload(
                "/voice/dub?voiceId=" + name, KEY_A, List.of(new Http.Part("file", "clip.wav", Media.wav(1600))));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(202);
        String jobId = Http.json(response).get("jobId").asText();
        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
        assertThat(requestsOf(jobId).get(0).parameters()).containsEntry("voiceId", "piper-ml-in-meera-medium");
    }

    @Test
    void malformedSubtitlesAreRefusedNamingTheLineAndNothingIsStored() {
        int before = storedFiles();
        byte[] broken = "1\n00:00:01,000 -> 00:00:02,000\nHello\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> response = http.upload(
                "/voice/dub",
                KEY_A,
                List.of(
                        new Http.Part("file", "clip.wav", Media.wav(1600)),
                        new Http.Part("subtitles", "en.srt", broken)));

        assertProblem(response, 400, "invalid_subtitles");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("detail").asText()).contains("'subtitles'", "line 2");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsStored() {
        int before = storedFiles();
        List<Http.Part> clip = List.of(new Http.Part("file", "clip.wav", Media.wav(1600)));

        assertProblem(http.upload("/voice/dub?targetLanguage=fr", KEY_A, clip), 400, "unsupported_language");
        assertProblem(http.upload("/voice/dub?sourceLanguage=xx", KEY_A, clip), 400, "unsupported_language");
        assertProblem(http.upload("/voice/dub?lipSync=yes", KEY_A, clip), 400, "invalid_parameter");
        assertProblem(
                http.upload("/voice/dub", KEY_A, List.of(new Http.Part("subtitles", "en.srt", SRT))),
                400,
                "missing_file");
        assertProblem(
                http.upload("/voice/dub", KEY_A, List.of(new Http.Part("file", "clip.wav", new byte[0]))),
                400,
                "empty_file");
        assertThat(storedFiles()).isEqualTo(before);
    }
}
