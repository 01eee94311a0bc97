package dev.shabdam.gateway.analysis;

import dev.shabdam.gateway.jobs.JobResponses;
import dev.shabdam.gateway.jobs.WaitTime;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.UploadBody;
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

import java.util.concurrent.CompletableFuture;

/** Analysis and comparison of uploads, answered as soon as the job ends within the wait. */
@RestController
class AnalysisController {
    private final Analyses analyses;

    AnalysisController(Analyses analyses) {
        this.analyses = analyses;
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
    CompletableFuture<ResponseEntity<Object>> analyze(
            Tenant tenant, HttpServletRequest request, @RequestParam(defaultValue = "0") WaitTime wait) {
        return analyses.analyze(tenant, UploadBody.of(request), wait.duration()).thenApply(JobResponses::of);
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
    CompletableFuture<ResponseEntity<Object>> compare(
            Tenant tenant, HttpServletRequest request, @RequestParam(defaultValue = "0") WaitTime wait) {
        return analyses.compare(tenant, UploadBody.of(request), wait.duration()).thenApply(JobResponses::of);
    }
}
