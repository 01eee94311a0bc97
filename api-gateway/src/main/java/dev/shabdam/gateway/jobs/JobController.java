package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.schemas.JobStatus;
import dev.shabdam.schemas.JobType;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping("/jobs")
class JobController {
    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{jobId}")
    JobView get(Tenant tenant, @PathVariable String jobId) {
        return JobView.of(jobs.get(tenant, jobId));
    }

    @GetMapping
    JobPage list(
            Tenant tenant,
            @RequestParam(required = false) JobType type,
            @RequestParam(required = false) JobStatus status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return jobs.list(tenant, type, status, cursor, limit);
    }

    @Operation(
            summary = "Cancel a queued or running job (202, with the job as the pipeline's cancellation leaves it); "
                    + "delete the uploads and outputs of one that has ended (200), after which its outputs answer 404 and "
                    + "its record stays")
    @DeleteMapping("/{jobId}")
    CompletableFuture<ResponseEntity<JobView>> delete(Tenant tenant, @PathVariable String jobId) {
        return jobs.delete(tenant, jobId)
                .thenApply(job -> job.mediaDeletedAt() == null
                        ? ResponseEntity.accepted().body(JobView.of(job))
                        : ResponseEntity.ok(JobView.of(job)));
    }
}
