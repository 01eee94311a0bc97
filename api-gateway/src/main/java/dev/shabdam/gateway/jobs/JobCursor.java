package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Position in the newest-first job list: the (created_at, job_id) of the last job shown. Clients see
 * it as an opaque token, so its encoding may change.
 */
record JobCursor(Instant createdAt, String jobId) {

    static JobCursor after(JobRow row) {
        return new JobCursor(row.createdAt(), row.jobId());
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + ":" + jobId).getBytes(StandardCharsets.UTF_8));
    }

    static JobCursor decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            return new JobCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), text.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("invalid_cursor", "The cursor is not one this API gave out.");
        }
    }
}
