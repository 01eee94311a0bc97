package dev.shabdam.schemas.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a job's watermark carries: {@value #BITS} bits of the SHA-256 of its job id. The gateway stores it in
 * the job's row when the job is created and the pipeline marks the job's outputs with it, so a mark found in
 * a file leads back to its job through the {@code jobs} table. One definition for both sides.
 */
public final class WatermarkId {
    /** Two shifts of a 32,768-sample sequence: 15 bits each. */
    public static final int BITS = 30;

    private WatermarkId() {}

    public static int of(String jobId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(jobId.getBytes(StandardCharsets.UTF_8));
            int bits = ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
            return bits >>> (32 - BITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
