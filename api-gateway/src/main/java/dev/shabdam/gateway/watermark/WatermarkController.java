package dev.shabdam.gateway.watermark;

import dev.shabdam.gateway.events.JobCompletion;
import dev.shabdam.gateway.events.WaitTime;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.FormUploads;
import dev.shabdam.gateway.uploads.UploadForm;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.jobs.DetectWatermarkJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;

/**
 * Whether a file carries the watermark of Shabdam's outputs. The gateway decodes no media: the upload becomes a
 * DETECT_WATERMARK job, answered as analysis is (the job's body when it ends within the wait), its result
 * {@code {"watermarked","confidence","jobId"?}}.
 */
@RestController
class WatermarkController {
    private static final UploadForm DETECT = UploadForm.file();

    private final FormUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;

    WatermarkController(FormUploads uploads, Jobs jobs, JobCompletion completion) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
    }

    @Operation(
            summary = "Look for the watermark every generated and dubbed output carries; names the job that made the"
                    + " file when it is one of the caller's")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(requiredProperties = DetectWatermarkJob.MEDIA),
                            schemaProperties =
                                    @SchemaProperty(
                                            name = DetectWatermarkJob.MEDIA,
                                            schema = @Schema(type = "string", format = "binary"))))
    @PostMapping(path = "/voice/watermark/detect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> detect(
            Tenant tenant, HttpServletRequest request, @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, request, DETECT, form -> {
            UploadedMedia media = form.media(DetectWatermarkJob.MEDIA);
            DetectWatermarkJob job = new DetectWatermarkJob(media.format().asInput());
            return completion.submitAndAnswer(
                    jobId,
                    waitFor,
                    () -> jobs.submit(
                            tenant, jobId, job.type(), job.toParameters(), DetectWatermarkJob.inputs(media.key())));
        });
    }
}
