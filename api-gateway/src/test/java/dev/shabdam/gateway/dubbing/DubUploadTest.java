package dev.shabdam.gateway.dubbing;

import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Media;
import dev.shabdam.gateway.Speech;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Multipart;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /voice/dub against the real stack: the media and subtitle parts stored, one DUB job queued. The ways the
 * options and parts are refused are {@link DubbingControllerTests}'.
 */
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
                        new Multipart.Part("file", "clip.wav", media),
                        new Multipart.Part("subtitles", "en.srt", SRT),
                        new Multipart.Part("translation", "ml.vtt", VTT)));

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
                "/voice/dub?voiceId=" + name, KEY_A, List.of(new Multipart.Part("file", "clip.wav", Media.wav(1600))));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(202);
        String jobId = Http.json(response).get("jobId").asText();
        await().untilAsserted(() -> assertThat(requestsOf(jobId)).hasSize(1));
        assertThat(requestsOf(jobId).get(0).parameters()).containsEntry("voiceId", "piper-ml-in-meera-medium");
    }
}
