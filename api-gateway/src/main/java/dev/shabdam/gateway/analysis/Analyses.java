package dev.shabdam.gateway.analysis;

import dev.shabdam.gateway.jobs.JobCompletion;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.FormUploads;
import dev.shabdam.gateway.uploads.UploadBody;
import dev.shabdam.gateway.uploads.UploadForm;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.jobs.AnalyzeJob;
import dev.shabdam.schemas.jobs.CompareJob;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * ANALYZE and COMPARE jobs from uploads: the parts are stored as they arrive ({@link FormUploads}), the job is
 * submitted, and its end is awaited for as long as the request asked.
 */
@Service
class Analyses {
    private static final UploadForm ANALYZE = UploadForm.file();
    private static final UploadForm COMPARE = UploadForm.media(CompareJob.RECORDING_A, CompareJob.RECORDING_B);

    private final FormUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;

    Analyses(FormUploads uploads, Jobs jobs, JobCompletion completion) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
    }

    CompletableFuture<JobOutcome> analyze(Tenant tenant, UploadBody body, Duration wait) {
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, body, ANALYZE, form -> {
            UploadedMedia media = form.media(AnalyzeJob.MEDIA);
            AnalyzeJob job = new AnalyzeJob(null, null, media.format().asInput());
            return completion.submitAndAwait(
                    jobId,
                    wait,
                    () -> jobs.submit(tenant, jobId, job.type(), job.toParameters(), AnalyzeJob.inputs(media.key())));
        });
    }

    CompletableFuture<JobOutcome> compare(Tenant tenant, UploadBody body, Duration wait) {
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, body, COMPARE, form -> {
            UploadedMedia first = form.media(CompareJob.RECORDING_A);
            UploadedMedia second = form.media(CompareJob.RECORDING_B);
            CompareJob job =
                    new CompareJob(first.format().asInput(), second.format().asInput());
            return completion.submitAndAwait(
                    jobId,
                    wait,
                    () -> jobs.submit(
                            tenant,
                            jobId,
                            job.type(),
                            job.toParameters(),
                            CompareJob.inputs(first.key(), second.key())));
        });
    }
}
