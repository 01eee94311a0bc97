package dev.shabdam.gateway.events;

import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.schemas.VoiceEvent;

/**
 * A job that ended: its row, and its final event when this gateway heard it (a job found ended in the
 * table has none). The event may carry small outputs inline (from {@code voice.replies}), which saves a
 * read from storage.
 */
public record EndedJob(JobRow row, VoiceEvent finalEvent) {}
