package dev.shabdam.schemas.jobs;

/**
 * One event of a job's plan.
 *
 * @param seq      its number among the job's events: the key of its {@code job_events} row
 * @param stage    the stage it reports on
 * @param progress how much of the whole job is done when it is emitted, 0.0–1.0
 */
public record PlannedEvent(int seq, String stage, double progress) {}
