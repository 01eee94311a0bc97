package dev.shabdam.gateway.analysis;

import dev.shabdam.gateway.events.JobCompletion;
import dev.shabdam.gateway.events.WaitTime;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.MediaPart;
import dev.shabdam.gateway.uploads.MediaUploads;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.JobType;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@RestController
class AnalysisController {
    private final MediaUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;

    AnalysisController(MediaUploads uploads, Jobs jobs, JobCompletion completion) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
    }

    @Operation(summary = "Analyse a recording (audio or video): loudness, noise, pitch, speaking rate, suggestions")
    @PostMapping(path = "/voice/analyze", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> analyze(Tenant tenant, @RequestPart("file") MultipartFile file,
                                                   @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        String jobId = Jobs.newJobId();
        UploadedMedia media = uploads.store(tenant, jobId, file);
        return completion.submitAndAnswer(jobId, waitFor, () -> jobs.submit(tenant, jobId, JobType.ANALYZE,
                Map.of("media", media.format().kind(), "format", media.format().extension()),
                Map.of("file", media.key())));
    }

    @Operation(summary = "Compare two recordings (audio or video): speaker similarity, spectral distance, "
            + "duration, loudness and pitch differences")
    @PostMapping(path = "/voice/compare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> compare(Tenant tenant, @RequestPart("a") MultipartFile a,
                                                   @RequestPart("b") MultipartFile b,
                                                   @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        String jobId = Jobs.newJobId();
        Map<String, UploadedMedia> media = uploads.storeAll(tenant, jobId,
                List.of(new MediaPart("a", a), new MediaPart("b", b)));
        UploadedMedia first = media.get("a");
        UploadedMedia second = media.get("b");
        return completion.submitAndAnswer(jobId, waitFor, () -> jobs.submit(tenant, jobId, JobType.COMPARE,
                Map.of("a.media", first.format().kind(), "a.format", first.format().extension(),
                        "b.media", second.format().kind(), "b.format", second.format().extension()),
                Map.of("a", first.key(), "b", second.key())));
    }
}
