package dev.shabdam.gateway.watermark;

import dev.shabdam.gateway.jobs.JobResponses;
import dev.shabdam.gateway.jobs.WaitTime;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.UploadBody;
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

import java.util.concurrent.CompletableFuture;

/**
 * Whether a file carries the watermark of Shabdam's outputs. The gateway decodes no media: the upload becomes a
 * DETECT_WATERMARK job, answered as analysis is (the job's body when it ends within the wait), its result
 * {@code {"watermarked","confidence","jobId"?}}.
 */
@RestController
class WatermarkController {
    private final WatermarkDetections detections;

    WatermarkController(WatermarkDetections detections) {
        this.detections = detections;
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
    CompletableFuture<ResponseEntity<Object>> detect(
            Tenant tenant, HttpServletRequest request, @RequestParam(defaultValue = "0") WaitTime wait) {
        return detections
                .detect(tenant, UploadBody.of(request), wait.duration())
                .thenApply(JobResponses::of);
    }
}
