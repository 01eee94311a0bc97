package dev.shabdam.gateway.dubbing;

import dev.shabdam.gateway.jobs.JobResponses;
import dev.shabdam.gateway.jobs.WaitTime;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.UploadBody;
import dev.shabdam.schemas.jobs.DubJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/** Dubbing of uploads; the options may come in the query or as form fields (the query's win). */
@RestController
class DubbingController {
    private final Dubs dubs;

    DubbingController(Dubs dubs) {
        this.dubs = dubs;
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
    CompletableFuture<ResponseEntity<Object>> dub(
            Tenant tenant,
            HttpServletRequest request,
            @ParameterObject DubOptions options,
            @RequestParam(defaultValue = "0") WaitTime wait) {
        return dubs.dub(tenant, options, UploadBody.of(request), wait.duration())
                .thenApply(JobResponses::of);
    }
}
