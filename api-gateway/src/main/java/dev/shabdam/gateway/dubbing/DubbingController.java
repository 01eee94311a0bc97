package dev.shabdam.gateway.dubbing;

import dev.shabdam.gateway.events.JobCompletion;
import dev.shabdam.gateway.events.WaitTime;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.personas.Personas;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.FormUploads;
import dev.shabdam.gateway.uploads.UploadForm;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.jobs.DubJob;
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
import java.util.HashMap;
import java.util.Map;

@RestController
class DubbingController {
    private static final UploadForm DUB = UploadForm.file().withSubtitles(DubJob.SUBTITLES, DubJob.TRANSLATION);

    private final FormUploads uploads;
    private final Jobs jobs;
    private final JobCompletion completion;
    private final Personas personas;

    DubbingController(FormUploads uploads, Jobs jobs, JobCompletion completion, Personas personas) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.completion = completion;
        this.personas = personas;
    }

    @Operation(
            summary =
                    "Dub a video (or audio) into Malayalam: segmentation, transcription or the given subtitles, "
                            + "translation or the given translation, synthesis, alignment, mixing over the kept background, muxing")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                            schema = @Schema(requiredProperties = DubJob.MEDIA),
                            schemaProperties = {
                                @SchemaProperty(
                                        name = DubJob.MEDIA,
                                        schema = @Schema(type = "string", format = "binary")),
                                @SchemaProperty(
                                        name = DubJob.SUBTITLES,
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        format = "binary",
                                                        description = "SRT or WebVTT in the source language")),
                                @SchemaProperty(
                                        name = DubJob.TRANSLATION,
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        format = "binary",
                                                        description = "SRT or WebVTT in the target language")),
                                @SchemaProperty(
                                        name = "sourceLanguage",
                                        schema = @Schema(type = "string", defaultValue = "en")),
                                @SchemaProperty(
                                        name = "targetLanguage",
                                        schema = @Schema(type = "string", defaultValue = "ml")),
                                @SchemaProperty(
                                        name = DubJob.VOICE_ID,
                                        schema =
                                                @Schema(
                                                        type = "string",
                                                        description =
                                                                "a voice id, or the id or name of one of your personas")),
                                @SchemaProperty(
                                        name = "keepBackground",
                                        schema = @Schema(type = "boolean", defaultValue = "true")),
                                @SchemaProperty(
                                        name = "keepOriginalTrack",
                                        schema = @Schema(type = "boolean", defaultValue = "false")),
                                @SchemaProperty(
                                        name = "lipSync",
                                        schema = @Schema(type = "boolean", defaultValue = "false"))
                            }))
    @PostMapping(path = "/voice/dub", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> dub(
            Tenant tenant, HttpServletRequest request, @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        // options in the query are checked before the upload is read; those in the form once it is
        parameters(tenant, FormUploads.queryParameters(request));
        String jobId = Jobs.newJobId();
        return uploads.receive(tenant, jobId, request, DUB, form -> {
            UploadedMedia media = form.media(DubJob.MEDIA);
            DubJob job =
                    parameters(tenant, form.fields()).withUpload(media.format().asInput());
            Map<String, String> inputs = DubJob.inputs(
                    media.key(),
                    form.subtitles().get(DubJob.SUBTITLES),
                    form.subtitles().get(DubJob.TRANSLATION));
            return completion.submitAndAnswer(
                    jobId, waitFor, () -> jobs.submit(tenant, jobId, job.type(), job.toParameters(), inputs));
        });
    }

    /** The dub's options; a persona's name or id stands for its voice (its other controls belong to generation). */
    private DubJob parameters(Tenant tenant, Map<String, String> form) {
        Map<String, String> resolved = new HashMap<>(form);
        String voice = form.get(DubJob.VOICE_ID);
        if (voice != null && !voice.isBlank()) {
            resolved.compute(DubJob.VOICE_ID, (name, reference) -> personas.voiceOf(tenant, reference.strip()));
        }
        return DubJob.fromParameters(resolved);
    }
}
