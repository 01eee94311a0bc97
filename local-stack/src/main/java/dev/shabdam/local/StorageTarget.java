package dev.shabdam.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the stack keeps media: a {@code file://} folder, or an S3 bucket behind an endpoint.
 *
 * @param uri       the storage root every key is relative to
 * @param endpoint  S3 endpoint, null for {@code file://}
 * @param accessKey S3 access key, null for {@code file://}
 * @param secretKey S3 secret key, null for {@code file://}
 */
public record StorageTarget(String uri, String endpoint, String accessKey, String secretKey) {
    static final String REGION = "us-east-1";

    public static StorageTarget localFolder(java.nio.file.Path folder) {
        return new StorageTarget(folder.toUri().toString(), null, null, null);
    }

    public boolean isS3() {
        return endpoint != null;
    }

    /** The environment both the gateway and the job read. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SHABDAM_STORAGE_URI", uri);
        if (isS3()) {
            env.put("SHABDAM_S3_ENDPOINT", endpoint);
            env.put("SHABDAM_S3_ACCESS_KEY", accessKey);
            env.put("SHABDAM_S3_SECRET_KEY", secretKey);
            env.put("SHABDAM_S3_REGION", REGION);
        }
        return env;
    }

    /** Flink's S3 filesystem options (flink-s3-fs-hadoop), with the settings s3proxy needs. */
    public Map<String, String> flinkOptions() {
        if (!isS3()) {
            return Map.of();
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("s3.endpoint", endpoint);
        options.put("s3.path.style.access", "true");
        options.put("s3.access-key", accessKey);
        options.put("s3.secret-key", secretKey);
        options.put("s3.endpoint.region", REGION);
        // without these a stream's close() can hang for minutes against s3proxy
        options.put("s3.attempts.maximum", "2");
        options.put("s3.retry.limit", "2");
        options.put("s3.directory.marker.retention", "keep");
        return options;
    }
}
