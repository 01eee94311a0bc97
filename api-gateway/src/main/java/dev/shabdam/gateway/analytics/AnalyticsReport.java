package dev.shabdam.gateway.analytics;

import java.time.Instant;
import java.util.List;

/** The answer to {@code GET /voice/analytics}: one entry per group that has jobs, and the totals over the range. */
record AnalyticsReport(Instant from, Instant to, GroupBy groupBy, List<AnalyticsGroup> groups, AnalyticsGroup totals) {}
