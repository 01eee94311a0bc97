package dev.shabdam.gateway.progress;

import dev.shabdam.gateway.events.JobEventBus;
import dev.shabdam.gateway.jobs.JobRepository;
import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.JobView;
import dev.shabdam.gateway.jobs.Jobs;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;

/** Opens SSE streams of job events: stored events first, then live ones. */
@Service
public class JobEventStreams {
    /** Long enough for a long dubbing job; clients reconnect after it. */
    private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);

    private final Jobs jobs;
    private final JobRepository jobRows;
    private final JobEventRepository storedEvents;
    private final JobEventBus bus;

    JobEventStreams(Jobs jobs, JobRepository jobRows, JobEventRepository storedEvents, JobEventBus bus) {
        this.jobs = jobs;
        this.jobRows = jobRows;
        this.storedEvents = storedEvents;
        this.bus = bus;
    }

    SseEmitter open(Tenant tenant, String jobId) {
        JobRow job = jobs.get(tenant, jobId);
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        JobEventSession session = new JobEventSession(emitter, event -> finalBody(tenant, job, event));
        // subscribe first: an event emitted while the table is read is then held back, not lost
        JobEventBus.Subscription subscription = bus.subscribe(jobId, session::live);
        Runnable stop = () -> {
            subscription.close();
            session.close();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(() -> {
            stop.run();
            emitter.complete();
        });
        emitter.onError(error -> stop.run());
        JobRow current = jobs.get(tenant, jobId);
        session.replay(storedEvents.findByJob(jobId, job.type()), current);
        return emitter;
    }

    private JobView finalBody(Tenant tenant, JobRow known, VoiceEvent event) {
        return JobView.of(jobRows.find(tenant.id(), known.jobId()).orElse(known).withFinalEvent(event));
    }
}
