package dev.shabdam.gateway.jobs;

import java.util.List;

/** A page of jobs, newest first; {@code nextCursor} is null on the last page. */
public record JobPage(List<JobView> items, String nextCursor) {}
