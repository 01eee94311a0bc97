package dev.shabdam.gateway.analysis;

import dev.shabdam.gateway.events.JobCompletion;
import dev.shabdam.gateway.events.WaitTime;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.FormUploads;
import dev.shabdam.gateway.uploads.UploadForm;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.jobs.AnalyzeJob;
import dev.shabdam.schemas.jobs.CompareJob;
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

/** Analysis and comparison of uploads; the parts are read as they arrive ({@link FormUploads}). */
@RestController
class AnalysisController {
    private static final UploadForm ANALYZE = UploadForm.file();
    private static final UploadForm COMPARE = UploadForm.media(CompareJob.RECORDING_A, CompareJob.RECORDING_B);

    private final FormUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;

    AnalysisController(FormUploads uploads, Jobs jobs, JobCompletion completion) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
    }

    @Operation(summary = "Analyse a recording (audio or video): loudness, noise, pitch, speaking rate, suggestions")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(requiredProperties = AnalyzeJob.MEDIA),
                            schemaProperties =
                                    @SchemaProperty(
                                            name = AnalyzeJob.MEDIA,
                                            schema = @Schema(type = "string", format = "binary"))))
    @PostMapping(path = "/voice/analyze", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> analyze(
            Tenant tenant, HttpServletRequest request, @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, request, ANALYZE, form -> {
            UploadedMedia media = form.media(AnalyzeJob.MEDIA);
            AnalyzeJob job = new AnalyzeJob(null, null, media.format().asInput());
            return completion.submitAndAnswer(
                    jobId,
                    waitFor,
                    () -> jobs.submit(tenant, jobId, job.type(), job.toParameters(), AnalyzeJob.inputs(media.key())));
        });
    }

    @Operation(
            summary = "Compare two recordings (audio or video): speaker similarity, spectral distance, "
                    + "duration, loudness and pitch differences")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(requiredProperties = {CompareJob.RECORDING_A, CompareJob.RECORDING_B}),
                            schemaProperties = {
                                @SchemaProperty(
                                        name = CompareJob.RECORDING_A,
                                        schema = @Schema(type = "string", format = "binary")),
                                @SchemaProperty(
                                        name = CompareJob.RECORDING_B,
                                        schema = @Schema(type = "string", format = "binary"))
                            }))
    @PostMapping(path = "/voice/compare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> compare(
            Tenant tenant, HttpServletRequest request, @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, request, COMPARE, form -> {
            UploadedMedia first = form.media(CompareJob.RECORDING_A);
            UploadedMedia second = form.media(CompareJob.RECORDING_B);
            CompareJob job =
                    new CompareJob(first.format().asInput(), second.format().asInput());
            return completion.submitAndAnswer(
                    jobId,
                    waitFor,
                    () -> jobs.submit(
                            tenant,
                            jobId,
                            job.type(),
                            job.toParameters(),
                            CompareJob.inputs(first.key(), second.key())));
        });
    }
}
