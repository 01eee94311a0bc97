package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fifty-odd files and requests made to break things — cut short, lying headers, missing indexes,
 * polyglots, wrong types, an hour of 8-channel silence, subtitle and text bombs, path-like ids — sent
 * to the embedded stack as a client would. Each has the one answer a user should get: a 4xx problem
 * with its code, or a job that ends FAILED with its code, or (for media that is odd but valid) a job
 * that completes. Nothing answers 5xx, no job is left unfinished, the Flink job never restarts, and a
 * normal dub completes afterwards. The table of answers is printed.
 */
@ExtendWith(SharedStack.class)
class BadInputCorpusTest {
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(4);

    /** The one tenant that sends the corpus, so that its jobs alone can be checked for unfinished ones. */
    private final Api tenant = SharedStack.api(SharedStack.TENANT_B_KEY);

    /** What the client is told: refused at once, or a job that ended. */
    sealed interface Answer permits Refused, Ended {}

    record Refused(int status, String code) implements Answer {
        @Override
        public String toString() {
            return status + " " + code;
        }
    }

    record Ended(String status, String code) implements Answer {
        @Override
        public String toString() {
            return code == null ? status : status + " " + code;
        }
    }

    private static Answer refused(int status, String code) {
        return new Refused(status, code);
    }

    private static Answer fails(String code) {
        return new Ended("FAILED", code);
    }

    private static Answer completes() {
        return new Ended("COMPLETED", null);
    }

    private record Case(String name, Supplier<HttpResponse<String>> request, Answer expected) {}

    @Test
    void everyBadInputIsAnsweredClearlyAndTheServiceKeepsServing(@TempDir Path dir) throws Exception {
        EspeakRequired.assumeInstalled("BadInputCorpusTest");
        long restartsBefore = FlinkRest.numRestarts(SharedStack.stack().flinkRestUrl());
        List<Case> corpus = corpus(new BadMedia(dir));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);

        // everything is sent first, so that the jobs run side by side, then each answer is read
        Map<Case, HttpResponse<String>> responses = new LinkedHashMap<>();
        for (Case c : corpus) {
            responses.put(c, c.request().get());
        }
        SoftAssertions softly = new SoftAssertions();
        StringBuilder table = new StringBuilder("\n| input | answer | detail |\n|---|---|---|\n");
        for (Map.Entry<Case, HttpResponse<String>> sent : responses.entrySet()) {
            Case c = sent.getKey();
            HttpResponse<String> response = sent.getValue();
            softly.assertThat(response.statusCode())
                    .as("%s: %s", c.name(), response.body())
                    .isLessThan(500);
            JsonNode body = answerBody(response);
            Answer answer = answerOf(response.statusCode(), body);
            String detail =
                    body.path("error").path("detail").asText(body.path("detail").asText(""));
            table.append("| ")
                    .append(c.name())
                    .append(" | ")
                    .append(answer)
                    .append(" | ")
                    .append(detail.replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
            softly.assertThat(answer).as("%s: %s", c.name(), body).isEqualTo(c.expected());
            if (!answer.equals(completes())) {
                softly.assertThat(detail).as("%s: the reason", c.name()).isNotBlank();
            }
            softly.assertThat(detail)
                    .as("%s: no file system path in the answer", c.name())
                    .doesNotContainPattern("/(tmp|etc|root|home|var|usr|work)/");
        }
        System.out.println(table);
        softly.assertAll();

        for (String status : List.of("QUEUED", "RUNNING")) {
            assertThat(Api.json(tenant.get("/jobs?status=" + status)).path("jobs"))
                    .as("%s jobs left", status)
                    .isEmpty();
        }
        assertThat(FlinkRest.numRestarts(SharedStack.stack().flinkRestUrl()))
                .as("Flink job restarts")
                .isEqualTo(restartsBefore);
        aNormalDubCompletes(dir);
    }

    private List<Case> corpus(BadMedia media) throws Exception {
        byte[] wav = media.wav(1.0);
        byte[] mp4 = media.mp4(2.0);
        byte[] mkv = media.ffmpeg("tone.mkv", "-f", "lavfi", "-i", "sine=f=300:r=48000", "-t", "3", "-c:a", "flac");
        List<Case> cases = new ArrayList<>();

        // media that cannot be read, or that lies about itself
        cases.add(analyze("zero-length file", "empty.wav", new byte[0], refused(400, "empty_file")));
        cases.add(analyze(
                "WAV header without samples",
                "head.wav",
                java.util.Arrays.copyOf(wav, 44),
                fails("unsupported_media")));
        cases.add(analyze(
                "WAV cut mid-samples (what is there is read)",
                "cut.wav",
                java.util.Arrays.copyOf(wav, wav.length / 3),
                completes()));
        cases.add(analyze(
                "MP4 cut in half (index lost)",
                "half.mp4",
                java.util.Arrays.copyOf(mp4, mp4.length / 2),
                fails("unsupported_media")));
        cases.add(analyze(
                "MP4 without its moov box", "nomoov.mp4", BadMedia.withoutMoov(mp4), fails("unsupported_media")));
        cases.add(analyze(
                "WAV whose sizes claim 18 hours (FFmpeg reads its real second)",
                "liar.wav",
                BadMedia.withWavSizes(wav, 0x7FFF_FFF0),
                completes()));
        cases.add(analyze(
                "WAV of unknown size (0xFFFFFFFF, as streams write it)",
                "stream.wav",
                BadMedia.withWavSizes(wav, 0xFFFF_FFFF),
                completes()));
        cases.add(analyze(
                "WAV claiming 0 channels",
                "nochannels.wav",
                BadMedia.withWavFormat(wav, (short) 0, 16_000),
                fails("unsupported_media")));
        cases.add(analyze(
                "WAV claiming 0 Hz",
                "norate.wav",
                BadMedia.withWavFormat(wav, (short) 1, 0),
                fails("unsupported_media")));
        cases.add(analyze(
                "Matroska whose header claims 12 days",
                "liar.mkv",
                BadMedia.withMatroskaDuration(mkv, 1e9),
                fails("media_too_long")));
        cases.add(analyze(
                "Matroska cut mid-cluster", "cut.mkv", java.util.Arrays.copyOf(mkv, mkv.length * 2 / 3), completes()));
        cases.add(analyze("MP4 with noise for media data", "noise.mp4", noisyMdat(mp4), fails("unsupported_media")));
        cases.add(analyze("random bytes named .mp3", "noise.mp3", random(8192, 3), refused(415, "unsupported_media")));

        // odd but valid media: analysed, within bounded memory
        cases.add(analyze(
                "8-channel 48 kHz FLAC",
                "eight.flac",
                media.ffmpeg(
                        "eight.flac",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=f=300:r=48000",
                        "-t",
                        "2",
                        "-af",
                        "pan=7.1|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0|c6=c0|c7=c0",
                        "-c:a",
                        "flac"),
                completes()));
        cases.add(analyze(
                "192 kHz stereo FLAC",
                "hi.flac",
                media.ffmpeg(
                        "hi.flac", "-f", "lavfi", "-i", "sine=f=440:r=192000", "-t", "1", "-ac", "2", "-c:a", "flac"),
                completes()));
        cases.add(analyze(
                "one hour of stereo silence",
                "silence.flac",
                media.ffmpeg(
                        "silence.flac",
                        "-f",
                        "lavfi",
                        "-i",
                        "anullsrc=r=48000:cl=stereo",
                        "-t",
                        "3600",
                        "-c:a",
                        "flac"),
                completes()));
        cases.add(analyze(
                "one hour of 8-channel silence (1.3 MB)",
                "long8.flac",
                media.ffmpeg(
                        "long8.flac", "-f", "lavfi", "-i", "anullsrc=r=48000:cl=7.1", "-t", "3600", "-c:a", "flac"),
                completes()));
        cases.add(analyze(
                "AAC in MP4 (.m4a) is audio",
                "tone.m4a",
                media.ffmpeg("tone.m4a", "-f", "lavfi", "-i", "sine=f=300:r=44100", "-t", "3", "-c:a", "aac"),
                completes()));
        cases.add(analyze(
                "Opus in WebM, audio only",
                "tone.webm",
                media.ffmpeg("tone.webm", "-f", "lavfi", "-i", "sine=f=300:r=48000", "-t", "3", "-c:a", "libopus"),
                completes()));

        // polyglots and wrong types: the bytes decide, not the name or the declared type
        cases.add(analyze(
                "JPEG header in front of a WAV",
                "photo.wav",
                BadMedia.polyglot(BadMedia.JPEG_START, wav),
                refused(415, "unsupported_media")));
        cases.add(analyze(
                "PDF header in front of a WAV",
                "doc.wav",
                BadMedia.polyglot(BadMedia.PDF_START, wav),
                refused(415, "unsupported_media")));
        cases.add(analyze(
                "WAV carrying an HTML page in its INFO chunk",
                "page.wav",
                BadMedia.withInfoChunk(wav, "<html><script>alert(1)</script></html>"),
                completes()));
        cases.add(analyze(
                "WAV with a ZIP directory appended", "zip.wav", BadMedia.polyglot(wav, BadMedia.ZIP_END), completes()));
        cases.add(upload(
                "/voice/analyze",
                "WAV declared as image/png",
                Map.of("file", new Api.Part("x.png", wav, "image/png")),
                completes()));
        cases.add(upload(
                "/voice/analyze",
                "JPEG declared as audio/wav",
                Map.of(
                        "file",
                        new Api.Part("x.wav", BadMedia.polyglot(BadMedia.JPEG_START, random(4096, 5)), "audio/wav")),
                refused(415, "unsupported_media")));
        cases.add(analyze("file name that climbs out", "..\\..\\evil.wav", wav, refused(400, "invalid_filename")));
        cases.add(new Case(
                "the file in a part the form does not take",
                () -> tenant.upload("/voice/analyze", Map.of("audio", new Api.Part("a.wav", wav))),
                refused(400, "unexpected_file")));
        cases.add(new Case(
                "a form without its file",
                () -> tenant.post(
                        "/voice/analyze",
                        "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\npodcast\r\n--b--\r\n"),
                refused(400, "missing_file")));
        cases.add(new Case(
                "comparison with one recording",
                () -> tenant.upload("/voice/compare", Map.of("a", new Api.Part("a.wav", wav))),
                refused(400, "missing_file")));

        // subtitles
        byte[] srt = "1\n00:00:00,200 --> 00:00:01,200\nHello.\n".getBytes(StandardCharsets.UTF_8);
        byte[] mlSrt = "1\n00:00:00,200 --> 00:00:01,200\nനമസ്കാരം.\n".getBytes(StandardCharsets.UTF_8);
        cases.add(dub(
                "SRT that is not UTF-8",
                mp4,
                "1\n00:00:00,200 --> 00:00:01,200\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                mlSrt,
                refused(400, "invalid_subtitles")));
        cases.add(dub(
                "a cue of 100,000 characters",
                mp4,
                ("1\n00:00:00,200 --> 00:00:01,200\n" + "a".repeat(100_000) + "\n").getBytes(StandardCharsets.UTF_8),
                mlSrt,
                refused(400, "invalid_subtitles")));
        cases.add(dub("50,000 cues", mp4, manyCues(50_000), mlSrt, refused(400, "invalid_subtitles")));
        cases.add(dub(
                "a negative time",
                mp4,
                "1\n-00:00:01,000 --> 00:00:01,200\nHello.\n".getBytes(StandardCharsets.UTF_8),
                mlSrt,
                refused(400, "invalid_subtitles")));
        cases.add(dub(
                "overlapping cues",
                mp4,
                ("1\n00:00:00,200 --> 00:00:01,200\nHello.\n\n" + "2\n00:00:01,000 --> 00:00:01,800\nAgain.\n")
                        .getBytes(StandardCharsets.UTF_8),
                mlSrt,
                refused(400, "invalid_subtitles")));
        cases.add(dub(
                "a cue that ends before it starts",
                mp4,
                "1\n00:00:01,200 --> 00:00:00,200\nHello.\n".getBytes(StandardCharsets.UTF_8),
                mlSrt,
                refused(400, "invalid_subtitles")));
        cases.add(dub(
                "a cue after the end of the media",
                mp4,
                "1\n00:00:30,000 --> 00:00:31,000\nLate.\n".getBytes(StandardCharsets.UTF_8),
                "1\n00:00:30,000 --> 00:00:31,000\nവൈകി.\n".getBytes(StandardCharsets.UTF_8),
                fails("invalid_subtitles")));
        cases.add(dub(
                "a translation with another number of cues",
                mp4,
                srt,
                ("1\n00:00:00,200 --> 00:00:01,200\nഒന്ന്.\n\n" + "2\n00:00:01,300 --> 00:00:01,800\nരണ്ട്.\n")
                        .getBytes(StandardCharsets.UTF_8),
                fails("invalid_subtitles")));
        cases.add(dub(
                "a video without an audio track",
                media.ffmpeg(
                        "mute.mp4",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=160x120:rate=10",
                        "-t",
                        "3",
                        "-an",
                        "-c:v",
                        "mpeg4"),
                srt,
                mlSrt,
                fails("unsupported_media")));
        cases.add(new Case(
                "a dub option that is not a boolean",
                () -> tenant.upload("/voice/dub?keepBackground=maybe", dubParts(mp4, srt, mlSrt)),
                refused(400, "invalid_parameter")));
        cases.add(new Case(
                "a dub in a path-like voice",
                () -> tenant.upload("/voice/dub?voiceId=..%2F..%2Fetc%2Fpasswd", dubParts(mp4, srt, mlSrt)),
                refused(400, "invalid_voice")));

        // generation requests
        cases.add(generate(
                "100,000 characters of text (over the body limit)",
                text("ക".repeat(100_000), "ml"),
                refused(413, "body_too_large")));
        cases.add(generate(
                "6,000 characters of text", text("a".repeat(6_000) + ".", "en"), refused(400, "text_too_long")));
        cases.add(generate("an unknown language", text("hello", "xx"), refused(400, "unsupported_language")));
        cases.add(generate("empty text", text("", "ml"), refused(400, "empty_text")));
        cases.add(generate(
                "an SSML entity bomb",
                text(
                        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><speak>&lol2;</speak>",
                        "en"),
                refused(400, "invalid_ssml")));
        cases.add(generate(
                "SSML nested 100 deep",
                text(
                        "<speak>" + "<prosody rate=\"slow\">".repeat(100) + "hi" + "</prosody>".repeat(100)
                                + "</speak>",
                        "en"),
                refused(400, "invalid_ssml")));
        cases.add(generate(
                "an SSML pause of a day",
                text("<speak>a<break time=\"86400s\"/>b</speak>", "en"),
                refused(400, "invalid_ssml")));
        cases.add(
                generate("a voice id that climbs out", voice("../../../../etc/passwd"), refused(400, "invalid_voice")));
        cases.add(generate("an absolute path as voice id", voice("/etc/hostname"), refused(400, "invalid_voice")));
        cases.add(generate("a voice no one has", voice("no-such-voice"), refused(404, "voice_not_found")));
        cases.add(generate(
                "a speed that is a word",
                "{\"text\":\"hello\",\"language\":\"en\",\"speed\":\"fast\"}",
                refused(400, "invalid_parameter")));
        cases.add(generate(
                "a speed of 10",
                "{\"text\":\"hello\",\"language\":\"en\",\"speed\":10}",
                refused(400, "invalid_parameter")));
        cases.add(generate("JSON cut short", "{\"text\":\"hello\",\"lang", refused(400, "malformed_body")));
        cases.add(new Case(
                "a form posted to /voice/generate",
                () -> tenant.upload(
                        "/voice/generate",
                        Map.of("text", new Api.Part("t.txt", "hello".getBytes(StandardCharsets.UTF_8)))),
                refused(415, "unsupported_content_type")));

        // ids that look like paths
        cases.add(new Case(
                "a job id that climbs out",
                () -> tenant.get("/jobs/..%2F..%2Fetc%2Fpasswd"),
                refused(404, "job_not_found")));
        cases.add(new Case(
                "a persona id that climbs out",
                () -> tenant.get("/voice/personas/..%2F..%2Fetc%2Fpasswd"),
                refused(400, "invalid_voice")));
        return cases;
    }

    private Case analyze(String name, String fileName, byte[] content, Answer expected) {
        return upload("/voice/analyze", name, Map.of("file", new Api.Part(fileName, content)), expected);
    }

    private Case upload(String path, String name, Map<String, Api.Part> parts, Answer expected) {
        return new Case(name, () -> tenant.upload(path, parts), expected);
    }

    private Case dub(String name, byte[] video, byte[] subtitles, byte[] translation, Answer expected) {
        return new Case(name, () -> tenant.upload("/voice/dub", dubParts(video, subtitles, translation)), expected);
    }

    private static Map<String, Api.Part> dubParts(byte[] video, byte[] subtitles, byte[] translation) {
        Map<String, Api.Part> parts = new LinkedHashMap<>();
        parts.put("file", new Api.Part("clip.mp4", video));
        parts.put("subtitles", new Api.Part("en.srt", subtitles));
        parts.put("translation", new Api.Part("ml.srt", translation));
        return parts;
    }

    private Case generate(String name, String json, Answer expected) {
        return new Case(name, () -> tenant.post("/voice/generate?wait=30", "application/json", json), expected);
    }

    private static String text(String text, String language) {
        return dev.shabdam.schemas.RecordCodec.mapper()
                .createObjectNode()
                .put("text", text)
                .put("language", language)
                .toString();
    }

    private static String voice(String voiceId) {
        return dev.shabdam.schemas.RecordCodec.mapper()
                .createObjectNode()
                .put("text", "നമസ്കാരം")
                .put("language", "ml")
                .put("voiceId", voiceId)
                .toString();
    }

    private static byte[] manyCues(int n) {
        StringBuilder srt = new StringBuilder();
        for (int k = 0; k < n; k++) {
            String second = String.format("%02d:%02d:%02d", k / 3600, k / 60 % 60, k % 60);
            srt.append(k + 1)
                    .append('\n')
                    .append(second)
                    .append(",000 --> ")
                    .append(second)
                    .append(",500\ncue\n\n");
        }
        return srt.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] noisyMdat(byte[] mp4) throws Exception {
        Path source = Files.createTempFile("corpus-", ".mp4");
        Path noisy = Files.createTempFile("corpus-noisy-", ".mp4");
        try {
            Files.write(source, mp4);
            return Files.readAllBytes(dev.shabdam.pipeline.media.TestMedia.mp4WithNoiseForData(source, noisy));
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(noisy);
        }
    }

    /** A 2xx answer names a job: its final state, waited for; a generation's audio is a completed job too. */
    private JsonNode answerBody(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() / 100 == 2 && !type.contains("json")) {
            return dev.shabdam.schemas.RecordCodec.mapper().createObjectNode().put("status", "COMPLETED");
        }
        if (!type.contains("json")) {
            return dev.shabdam.schemas.RecordCodec.mapper()
                    .createObjectNode()
                    .put(
                            "detail",
                            "not JSON (" + type + "): "
                                    + response.body()
                                            .substring(
                                                    0,
                                                    Math.min(
                                                            200, response.body().length())));
        }
        JsonNode body = Api.json(response);
        if (response.statusCode() / 100 != 2 || !body.has("jobId")) {
            return body;
        }
        String jobId = body.path("jobId").asText();
        JsonNode[] ended = new JsonNode[1];
        await().atMost(JOB_DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> {
            ended[0] = Api.json(tenant.get("/jobs/" + jobId));
            return List.of("COMPLETED", "FAILED", "CANCELLED")
                    .contains(ended[0].path("status").asText());
        });
        return ended[0];
    }

    private static Answer answerOf(int status, JsonNode body) {
        if (status / 100 != 2) {
            return refused(status, body.path("code").asText(null));
        }
        return new Ended(
                body.path("status").asText(), body.path("error").path("code").asText(null));
    }

    private void aNormalDubCompletes(Path dir) throws Exception {
        DubSample sample = DubSample.make(Files.createDirectories(dir.resolve("after")), 2);
        Map<String, Api.Part> parts = new LinkedHashMap<>();
        parts.put("file", new Api.Part("clip.mp4", Files.readAllBytes(sample.video())));
        parts.put("subtitles", new Api.Part("en.srt", Files.readAllBytes(sample.subtitles())));
        parts.put("translation", new Api.Part("ml.srt", Files.readAllBytes(sample.translation())));
        HttpResponse<String> response = tenant.upload("/voice/dub?wait=60", parts);
        assertThat(answerBody(response).path("status").asText())
                .as(response.body())
                .isEqualTo("COMPLETED");
    }
}
