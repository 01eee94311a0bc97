package dev.shabdam.pipeline.watermark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.io.MarkedJobs;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.io.TestJdbc;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantines;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.DetectWatermarkJob;
import dev.shabdam.schemas.jobs.WatermarkId;
import dev.shabdam.testsupport.Requests;
import dev.shabdam.testsupport.TestPostgres;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DETECT_WATERMARK on Flink's harness, with the jobs table on a real PostgreSQL: the trigger of migration V8
 * must compute the same {@link WatermarkId} as Java does, or no job would ever be named.
 */
class DetectWatermarkOperatorTest {
    private static final int RATE = 22_050;

    @TempDir
    Path storageRoot;

    private KeyedOneInputStreamOperatorTestHarness<String, VoiceRequest, VoiceEvent> harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aMarkOfTheTenantsOwnJobNamesTheJob() throws Exception {
        String generation = "gen-" + UUID.randomUUID();
        insertJob(generation, Requests.TENANT, JobType.GENERATE);

        JsonNode result = detect(Requests.TENANT, stored(marked(generation)));

        assertThat(result.get("watermarked").asBoolean()).isTrue();
        assertThat(result.get("confidence").asDouble()).isGreaterThan(0.999);
        assertThat(result.get("jobId").asText()).isEqualTo(generation);
    }

    @Test
    void aMarkOfAnotherTenantsJobNamesNoJob() throws Exception {
        String generation = "gen-" + UUID.randomUUID();
        insertJob(generation, "tenant-elsewhere", JobType.GENERATE);

        JsonNode result = detect(Requests.TENANT, stored(marked(generation)));

        assertThat(result.get("watermarked").asBoolean()).isTrue();
        assertThat(result.has("jobId")).isFalse();
    }

    @Test
    void unmarkedAudioIsNotWatermarked() throws Exception {
        JsonNode result = detect(Requests.TENANT, stored(noise()));

        assertThat(result.get("watermarked").asBoolean()).isFalse();
        assertThat(result.get("confidence").asDouble()).isLessThan(0.999);
        assertThat(result.has("jobId")).isFalse();
    }

    private JsonNode detect(String tenant, String key) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DetectWatermarkOperator(
                        new ObjectStorage(storageRoot.toUri().toString()),
                        WatermarkSettings.DEVELOPMENT,
                        new MarkedJobs(TestJdbc.connection()),
                        JobLimits.DEFAULT,
                        Quarantines.fresh())),
                VoiceRequest::jobId,
                Types.STRING);
        harness.open();
        harness.processElement(
                VoiceRequest.submit(
                        "detect-" + UUID.randomUUID(),
                        tenant,
                        JobType.DETECT_WATERMARK,
                        new DetectWatermarkJob(null).toParameters(),
                        DetectWatermarkJob.inputs(key),
                        Requests.AT),
                0);
        List<VoiceEvent> events = harness.extractOutputValues();
        assertThat(events).extracting(VoiceEvent::seq).containsExactly(1, 2);
        VoiceEvent done = events.get(1);
        assertThat(done.kind()).isEqualTo(EventKind.COMPLETED);
        return RecordCodec.mapper().readTree(done.result());
    }

    private static float[] marked(String jobId) {
        return new Watermarker(WatermarkSettings.DEVELOPMENT.key(), WatermarkId.of(jobId)).mark(noise(), RATE);
    }

    /**
     * Eight seconds of a hum with its harmonics over noise falling with frequency: coloured, as speech and music
     * are (on white noise, where whitening gains nothing, the mark 45 dB under it needs longer to be found).
     */
    private static float[] noise() {
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[8 * RATE];
        double lowPassed = 0;
        for (int i = 0; i < x.length; i++) {
            lowPassed = 0.95 * lowPassed + 0.05 * random.nextGaussian();
            double hum = 0;
            for (int h = 1; h <= 8; h++) {
                hum += Math.sin(2 * Math.PI * 150 * h * i / RATE) / h;
            }
            x[i] = (float) (0.08 * hum + 0.3 * lowPassed);
        }
        return x;
    }

    private String stored(float[] samples) throws Exception {
        String key = StorageKeys.upload(Requests.TENANT, "detect-" + UUID.randomUUID(), "file.wav");
        Files.createDirectories(storageRoot.resolve(key).getParent());
        WavWriter.write(storageRoot.resolve(key), DecodedAudio.mono(RATE, samples), WavWriter.Encoding.PCM_16);
        return key;
    }

    private static void insertJob(String jobId, String tenant, JobType type) throws Exception {
        try (Connection c = TestPostgres.dataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO jobs (job_id, tenant_id, type, status,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'COMPLETED', now(), now())")) {
            insert.setString(1, jobId);
            insert.setString(2, tenant);
            insert.setString(3, type.name());
            insert.executeUpdate();
        }
    }
}
