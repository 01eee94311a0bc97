package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.jobs.JobResponses;
import dev.shabdam.gateway.jobs.WaitTime;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.speech.AudioFormat;
import dev.shabdam.speech.text.Language;
import dev.shabdam.speech.text.TextNormalizer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.concurrent.CompletableFuture;

/**
 * Text to speech. Bodies are taken as bytes and read by {@link JsonBody}, which refuses text that is
 * not UTF-8 ({@code invalid_text}) before parsing the JSON.
 */
@RestController
class GenerationController {
    static final String JOB_ID_HEADER = "X-Job-Id";
    static final String CACHE_HEADER = "X-Cache";
    static final String DURATION_HEADER = "X-Audio-Duration";

    private final TextNormalizer normalizer;
    private final Generations generations;
    private final SpeechStreams streams;

    GenerationController(TextNormalizer normalizer, Generations generations, SpeechStreams streams) {
        this.normalizer = normalizer;
        this.generations = generations;
        this.streams = streams;
    }

    @Operation(
            summary = "The text exactly as the engine will speak it: numbers, dates, times, money and "
                    + "abbreviations in words, split into sentences")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = NormalizeRequest.class)))
    @PostMapping(path = "/voice/normalize", consumes = MediaType.APPLICATION_JSON_VALUE)
    NormalizedView normalize(@RequestBody byte[] body) {
        NormalizeRequest request = JsonBody.read(body, NormalizeRequest.class);
        Language language = Language.fromCode(request.language() == null ? "ml" : request.language());
        return NormalizedView.of(normalizer.normalize(request.text(), language));
    }

    @Operation(
            summary = "Speak a text: the audio itself when ready within the wait (default 10 s), else 202 "
                    + "with the job",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description =
                                "the audio; headers X-Job-Id, X-Cache (HIT|MISS), " + "X-Audio-Duration (seconds)",
                        content = {
                            @Content(mediaType = "audio/wav"),
                            @Content(mediaType = "audio/mpeg"),
                            @Content(mediaType = "audio/ogg")
                        }),
                @ApiResponse(responseCode = "202", description = "still running: follow the job"),
                @ApiResponse(
                        responseCode = "400",
                        description = "invalid text or parameters, or a failed job's input error"),
                @ApiResponse(responseCode = "503", description = "the queue, engine or model is unavailable")
            })
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = GenerateRequest.class)))
    @PostMapping(path = "/voice/generate", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<Object>> generate(
            Tenant tenant, @RequestBody byte[] body, @RequestParam(defaultValue = "10") WaitTime wait) {
        return generations.generate(tenant, body, wait.duration()).thenApply(GenerationController::answer);
    }

    @Operation(
            summary = "Speak a text as a chunked WAV stream (length unknown), sentence by sentence as each is ready",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "audio/wav, chunked; header X-Job-Id",
                            content = @Content(mediaType = "audio/wav")))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = GenerateRequest.class)))
    @PostMapping(path = "/voice/generate/stream", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<StreamingResponseBody>> stream(
            Tenant tenant, @RequestBody byte[] body, HttpServletResponse response) {
        return streams.stream(tenant, body)
                .thenApply(stream -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(AudioFormat.WAV.mediaType()))
                        .header(JOB_ID_HEADER, stream.jobId())
                        // Spring's body stream ignores flush(); the response's flushBuffer() sends each sentence
                        .body(out -> stream.writeTo(out, response::flushBuffer)));
    }

    /** 200 with the audio and what is known of it, else 202 with the job. */
    private static ResponseEntity<Object> answer(GenerationOutcome outcome) {
        if (!(outcome instanceof GenerationOutcome.Spoken spoken)) {
            return JobResponses.accepted(((GenerationOutcome.Running) outcome).job());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(spoken.format().mediaType()))
                .header(JOB_ID_HEADER, spoken.jobId())
                .header(CACHE_HEADER, spoken.audio().cacheHeader());
        if (spoken.audio().durationSec() != null) {
            response.header(DURATION_HEADER, spoken.audio().durationSec());
        }
        // the resource converter sets Content-Length from it
        return response.body(spoken.body());
    }
}
