package dev.shabdam.gateway.progress;

import dev.shabdam.gateway.security.Tenant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class JobEventsController {
    private final JobEventStreams streams;

    JobEventsController(JobEventStreams streams) {
        this.streams = streams;
    }

    /** Server-Sent Events: progress (stage, percent, segment), then completed, failed or cancelled. */
    @GetMapping(path = "/jobs/{jobId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Tenant tenant, @PathVariable String jobId) {
        return streams.open(tenant, jobId);
    }
}
