package dev.shabdam.pipeline.synthesis;

import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.testsupport.Requests;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which GENERATE requests meet on one subtask: identical ones of one cache scope, whatever their job. */
class GenerationKeyTest {
    private static final Map<String, String> HELLO = Map.of("text", "നമസ്കാരം", "language", "ml", "format", "wav");

    private final GenerationKey key = new GenerationKey();

    @Test
    void identicalRequestsOfATenantShareAKeyWhateverTheirJobOrParameterOrder() throws Exception {
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("format", "wav");
        reordered.put("language", "ml");
        reordered.put("text", "നമസ്കാരം");

        assertThat(key.getKey(request("job-1", "tenant-a", HELLO)))
                .isEqualTo(key.getKey(request("job-2", "tenant-a", reordered)));
    }

    @Test
    void anotherTenantAnotherTextOrAnotherFormatIsAnotherKey() throws Exception {
        String hello = key.getKey(request("job-1", "tenant-a", HELLO));
        Map<String, String> mp3 = new HashMap<>(HELLO);
        mp3.put("format", "mp3");

        assertThat(key.getKey(request("job-2", "tenant-b", HELLO))).isNotEqualTo(hello);
        assertThat(key.getKey(request("job-3", "tenant-a", Map.of("text", "സ്വാഗതം", "language", "ml"))))
                .isNotEqualTo(hello);
        assertThat(key.getKey(request("job-4", "tenant-a", mp3))).isNotEqualTo(hello);
    }

    @Test
    void tenantsThatShareTheCacheShareTheKey() throws Exception {
        Map<String, String> shared = new HashMap<>(HELLO);
        shared.put(GenerateJob.SHARED_CACHE, "true");

        assertThat(key.getKey(request("job-1", "tenant-a", shared)))
                .isEqualTo(key.getKey(request("job-2", "tenant-b", shared)))
                .isNotEqualTo(key.getKey(request("job-3", "tenant-a", HELLO)));
    }

    private static VoiceRequest request(String jobId, String tenant, Map<String, String> parameters) {
        return VoiceRequest.submit(jobId, tenant, JobType.GENERATE, parameters, Map.of(), Requests.AT);
    }
}
