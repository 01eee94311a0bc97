package dev.shabdam.gateway.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * What the pipeline's part of readiness reads ({@link PipelineMonitor}).
 *
 * @param flinkRestUrl Flink's REST API ({@code SHABDAM_FLINK_REST_URL}, the JobManager's web port); null: the
 *                     job's state is not checked, and the health details say so
 * @param flinkJobName the pipeline's job name there
 * @param queueStall   {@code SHABDAM_QUEUE_STALL_SECONDS}: how long interactive work (a sentence) may wait
 *                     while no sentence is spoken before readiness is DOWN. 300 s by default: a sentence takes a
 *                     second and a restart from a checkpoint seconds, so a busy pipeline is not taken for a dead
 *                     one (DOWN takes every gateway out of service at once); and five minutes is soon enough for
 *                     an orchestrator and the on-call to learn that queued work does not move, where the
 *                     incident of issue 10 went unseen for hours
 * @param jobTimeout   {@code SHABDAM_JOB_TIMEOUT_SECONDS}, the pipeline's own limit on one record's work: a media
 *                     job may run that long without an event, so media work may wait {@code queueStall} more
 *                     than that before the media queue counts as stalled
 * @param sampleEvery  how often the job's state, the groups' offsets and the queue are read (health and metrics
 *                     answer from the latest reading)
 */
@ConfigurationProperties("shabdam.health")
public record HealthProperties(
        URI flinkRestUrl, String flinkJobName, Duration queueStall, Duration jobTimeout, Duration sampleEvery) {}
