package dev.shabdam.gateway.dubbing;

import dev.shabdam.gateway.events.JobCompletion;
import dev.shabdam.gateway.events.WaitTime;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.personas.Personas;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.uploads.MediaUploads;
import dev.shabdam.gateway.uploads.SubtitleUploads;
import dev.shabdam.gateway.uploads.SubtitleUploads.CheckedSubtitles;
import dev.shabdam.gateway.uploads.UploadedMedia;
import dev.shabdam.schemas.JobType;
import dev.shabdam.speech.DubParameters;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.multipart.MultipartFile;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class DubbingController {
    private final MediaUploads uploads;
    private final SubtitleUploads subtitles;
    private final Jobs jobs;
    private final JobCompletion completion;
    private final Personas personas;

    DubbingController(MediaUploads uploads, SubtitleUploads subtitles, Jobs jobs, JobCompletion completion,
                      Personas personas) {
        this.uploads = uploads;
        this.subtitles = subtitles;
        this.jobs = jobs;
        this.completion = completion;
        this.personas = personas;
    }

    @Operation(summary = "Dub a video (or audio) into Malayalam: segmentation, transcription or the given subtitles, "
            + "translation or the given translation, synthesis, alignment, mixing over the kept background, muxing")
    @PostMapping(path = "/voice/dub", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DeferredResult<ResponseEntity<Object>> dub(Tenant tenant, @RequestPart("file") MultipartFile file,
                                               @RequestPart(name = "subtitles", required = false) MultipartFile source,
                                               @RequestPart(name = "translation", required = false) MultipartFile target,
                                               @RequestParam Map<String, String> form,
                                               @RequestParam(name = "wait", required = false) String wait) {
        Duration waitFor = WaitTime.parse(wait);
        DubParameters parameters = withPersonaVoice(tenant, DubParameters.fromParameters(form));
        // everything is checked before anything is stored: a refused request leaves nothing behind
        CheckedSubtitles checkedSource = source == null ? null : subtitles.check(source);
        CheckedSubtitles checkedTarget = target == null ? null : subtitles.check(target);
        String jobId = Jobs.newJobId();
        UploadedMedia media = uploads.store(tenant, jobId, file);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("file", media.key());
        if (checkedSource != null) {
            inputs.put("subtitles", subtitles.store(tenant, jobId, checkedSource));
        }
        if (checkedTarget != null) {
            inputs.put("translation", subtitles.store(tenant, jobId, checkedTarget));
        }
        Map<String, String> jobParameters = new HashMap<>(parameters.toParameters());
        jobParameters.put("media", media.format().kind());
        jobParameters.put("format", media.format().extension());
        return completion.submitAndAnswer(jobId, waitFor,
                () -> jobs.submit(tenant, jobId, JobType.DUB, jobParameters, inputs));
    }

    /** A persona's name or id stands for its voice (its other controls belong to generation, not to a dub). */
    private DubParameters withPersonaVoice(Tenant tenant, DubParameters parameters) {
        if (parameters.voiceId() == null) {
            return parameters;
        }
        return personas.resolve(tenant, parameters.voiceId())
                .map(persona -> parameters.withVoiceId(persona.voiceId()))
                .orElse(parameters);
    }
}
