package dev.shabdam.gateway.watermark;

import dev.shabdam.gateway.jobs.JobCompletion;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.FormUploads;
import dev.shabdam.gateway.uploads.UploadBody;
import dev.shabdam.gateway.uploads.UploadForm;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.jobs.DetectWatermarkJob;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * DETECT_WATERMARK jobs from uploads. The gateway decodes no media, so the search runs in the pipeline; the job's
 * end is awaited for as long as the request asked.
 */
@Service
class WatermarkDetections {
    private static final UploadForm DETECT = UploadForm.file();

    private final FormUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;

    WatermarkDetections(FormUploads uploads, Jobs jobs, JobCompletion completion) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
    }

    CompletableFuture<JobOutcome> detect(Tenant tenant, UploadBody body, Duration wait) {
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, body, DETECT, form -> {
            UploadedMedia media = form.media(DetectWatermarkJob.MEDIA);
            DetectWatermarkJob job = new DetectWatermarkJob(media.format().asInput());
            return completion.submitAndAwait(
                    jobId,
                    wait,
                    () -> jobs.submit(
                            tenant, jobId, job.type(), job.toParameters(), DetectWatermarkJob.inputs(media.key())));
        });
    }
}
