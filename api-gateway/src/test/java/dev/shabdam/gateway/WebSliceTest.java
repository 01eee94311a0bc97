package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.analytics.Analytics;
import dev.shabdam.gateway.jobs.JobCompletion;
import dev.shabdam.gateway.jobs.JobMedia;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.personas.PersonaRepository;
import dev.shabdam.gateway.progress.JobEventStreams;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import dev.shabdam.testsupport.Multipart;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The gateway's HTTP layer without a server, Kafka or PostgreSQL, for the HTTP rules: status codes, problem
 * shapes, binding and validation, headers. Every controller, the problem handler, the API key check and the
 * body limit are real, and so are the services that need neither Kafka nor PostgreSQL (uploads into a temporary
 * folder, generation requests, the normaliser, personas); the services that would (jobs, analytics, media,
 * progress streams) and the personas' repository are doubles. Every slice test extends this class and declares
 * no doubles of its own, so they all share one application context, started once.
 */
@WebMvcTest(
        properties = {
            "shabdam.api-keys=tenantA:" + WebSliceTest.KEY_A + ",tenantB:key-b-0123456789",
            "shabdam.uploads.max-audio-bytes=64KB",
            "shabdam.uploads.max-video-bytes=256KB"
        },
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = {
                            "dev\\.shabdam\\.gateway\\.(uploads|generation|analysis|dubbing|personas|watermark)\\..*",
                            "dev\\.shabdam\\.gateway\\.storage\\.StorageConfiguration",
                            "dev\\.shabdam\\.gateway\\.events\\.JobEventBus",
                            "dev\\.shabdam\\.gateway\\.security\\.ApiKeys"
                        }))
@Import({SettingsConfiguration.class, SimpleMeterRegistry.class})
public abstract class WebSliceTest {
    public static final String KEY_A = "key-a-0123456789";
    public static final Path STORAGE = TestStorage.newFolder("shabdam-slice-test-");

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected MeterRegistry meters;

    @MockitoBean
    protected Jobs jobs;

    @MockitoBean
    protected JobCompletion completion;

    @MockitoBean
    protected JobMedia media;

    @MockitoBean
    protected JobEventStreams progress;

    @MockitoBean
    protected PersonaRepository personaRepository;

    @MockitoBean
    protected Analytics analytics;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("shabdam.storage.uri", STORAGE::toUri);
    }

    protected MvcTestResult get(String path, String apiKey) {
        return mvc.get().uri(path).headers(headers -> apiKey(headers, apiKey)).exchange();
    }

    protected MvcTestResult postJson(String path, String apiKey, byte[] body) {
        return mvc.post()
                .uri(path)
                .headers(headers -> apiKey(headers, apiKey))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    protected MvcTestResult upload(String path, String apiKey, String fileName, byte[] content) {
        return upload(path, apiKey, List.of(new Multipart.Part("file", fileName, content)));
    }

    protected MvcTestResult upload(String path, String apiKey, List<Multipart.Part> parts) {
        Multipart body = Multipart.of(parts);
        return mvc.post()
                .uri(path)
                .headers(headers -> apiKey(headers, apiKey))
                .contentType(body.contentType())
                .content(body.body())
                .exchange();
    }

    protected static JsonNode json(MvcTestResult result) {
        return Http.json(result.getResponse().getContentAsByteArray());
    }

    public static void assertProblem(MvcTestResult result, int status, String code) {
        ProblemAssertions.assertProblem(
                result.getResponse().getStatus(),
                String.valueOf(result.getResponse().getContentType()),
                result.getResponse().getContentAsByteArray(),
                status,
                code);
    }

    /** A job of tenantA as {@link Jobs} would return it, for the doubles to answer with. */
    protected static JobRow job(String jobId, JobType type, JobStatus status) {
        Instant now = Instant.now();
        return new JobRow(jobId, "tenantA", type, status, null, 0, null, null, Map.of(), now, now, null);
    }

    /** How many objects the uploads have left in storage so far. */
    protected static int storedFiles() {
        return TestStorage.objects(STORAGE);
    }

    private static void apiKey(HttpHeaders headers, String apiKey) {
        if (apiKey != null) {
            headers.set("X-Api-Key", apiKey);
        }
    }
}
