package dev.shabdam.gateway;

import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

/** Generation test material: WAV files and the events the pipeline sends for GENERATE jobs. */
public final class Speech {
    public static final int FINAL_SEQ = 999_999;
    public static final int SAMPLE_RATE = 22_050;

    private Speech() {}

    /** Distinct 16-bit mono PCM: {@code samples} samples starting at {@code start}. */
    public static byte[] pcm(int samples, int start) {
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (start + i * 7));
        }
        return pcm.array();
    }

    /** A 16-bit mono WAV of the PCM, the plain 44-byte header. */
    public static byte[] wav(byte[] pcm) {
        return wav(pcm, null);
    }

    /** A WAV with a LIST chunk between fmt and data, so its header is longer than 44 bytes. */
    public static byte[] wavWithListChunk(byte[] pcm) {
        return wav(pcm, "INFOISFT\u0005\u0000\u0000\u0000lavf\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] wav(byte[] pcm, byte[] list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int listBytes = list == null ? 0 : 8 + list.length;
        ByteBuffer header = ByteBuffer.allocate(36)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF"))
                .putInt(28 + listBytes + 8 + pcm.length)
                .put(ascii("WAVE"))
                .put(ascii("fmt "))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16);
        out.writeBytes(header.array());
        if (list != null) {
            out.writeBytes(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .put(ascii("LIST"))
                    .putInt(list.length)
                    .array());
            out.writeBytes(list);
        }
        out.writeBytes(ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("data"))
                .putInt(pcm.length)
                .array());
        out.writeBytes(pcm);
        return out.toByteArray();
    }

    /** Stores an object as the pipeline would (file:// storage). */
    public static void store(Path storage, String key, byte[] content) {
        try {
            Path file = storage.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VoiceEvent started(String jobId) {
        return event(jobId, 1, EventKind.PROGRESS, 0, null, null, null, Map.of());
    }

    public static VoiceEvent sentence(String jobId, int index, String key) {
        return event(
                jobId,
                2 + index,
                EventKind.PROGRESS,
                0.5,
                index,
                null,
                null,
                key == null ? Map.of() : Map.of("sentence-" + index, key));
    }

    public static VoiceEvent completed(String jobId, String audioKey, boolean cached, double durationSec) {
        String result = "{\"durationSec\":" + durationSec + ",\"sampleRateHz\":" + SAMPLE_RATE + ",\"format\":\"wav\","
                + "\"sentences\":2,\"engine\":\"espeak-ng\",\"voiceId\":null,\"cacheKey\":\"abc\",\"cached\":" + cached
                + ",\"normalized\":\"n\"}";
        return event(jobId, FINAL_SEQ, EventKind.COMPLETED, 1, null, result, null, Map.of("audio", audioKey));
    }

    public static VoiceEvent failed(String jobId, String code) {
        return failed(jobId, new JobError(code, "the engine said " + code));
    }

    public static VoiceEvent failed(String jobId, JobError error) {
        return event(jobId, FINAL_SEQ, EventKind.FAILED, 0, null, null, error, Map.of());
    }

    private static VoiceEvent event(
            String jobId,
            int seq,
            EventKind kind,
            double progress,
            Integer segment,
            String result,
            JobError error,
            Map<String, String> outputs) {
        return new VoiceEvent(
                1,
                jobId,
                "tenantA",
                JobType.GENERATE,
                seq,
                kind,
                "synthesize",
                progress,
                segment,
                null,
                result,
                error,
                outputs,
                null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static HttpRequest.Builder json(Http http, String path, String apiKey, String body) {
        return json(http, path, apiKey, body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpRequest.Builder json(Http http, String path, String apiKey, byte[] body) {
        return http.request(path, apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
