package dev.shabdam.gateway.dubbing;

import dev.shabdam.gateway.jobs.JobCompletion;
import dev.shabdam.gateway.jobs.JobOutcome;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.personas.Personas;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.FormUploads;
import dev.shabdam.gateway.uploads.UploadBody;
import dev.shabdam.gateway.uploads.UploadForm;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.jobs.DubJob;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * DUB jobs from uploads: the media and subtitle parts are stored as they arrive ({@link FormUploads}), the
 * options checked, the job submitted and its end awaited for as long as the request asked. A persona's name or
 * id stands for its voice (its other controls belong to generation).
 */
@Service
class Dubs {
    private static final UploadForm DUB = UploadForm.file().withSubtitles(DubJob.SUBTITLES, DubJob.TRANSLATION);

    private final FormUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;
    private final Personas personas;

    Dubs(FormUploads uploads, Jobs jobs, JobCompletion completion, Personas personas) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
        this.personas = personas;
    }

    /** The options in the query are checked before the upload is read; those in the form once it is. */
    CompletableFuture<JobOutcome> dub(Tenant tenant, DubOptions query, UploadBody body, Duration wait) {
        job(tenant, query);
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, body, DUB, form -> {
            DubJob requested = job(tenant, query.over(form.fields(DubOptions.class)));
            UploadedMedia media = form.media(DubJob.MEDIA);
            DubJob job = requested.withUpload(media.format().asInput());
            Map<String, String> inputs = DubJob.inputs(
                    media.key(),
                    form.subtitles().get(DubJob.SUBTITLES),
                    form.subtitles().get(DubJob.TRANSLATION));
            return completion.submitAndAwait(
                    jobId, wait, () -> jobs.submit(tenant, jobId, job.type(), job.toParameters(), inputs));
        });
    }

    private DubJob job(Tenant tenant, DubOptions options) {
        return options.job(reference -> personas.voiceOf(tenant, reference));
    }
}
