package dev.shabdam.schemas;

import java.util.regex.Pattern;

/**
 * Object-storage keys, relative to the configured storage root. Keys are deterministic functions of
 * the job, so a replay after a failure overwrites what the first attempt wrote.
 */
public final class StorageKeys {
    private static final String SYNTHESIS_CACHE = "cache/tts/";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private StorageKeys() {}

    /** Where the gateway stores an uploaded input of a job. */
    public static String upload(String tenantId, String jobId, String inputName) {
        return uploadsOf(tenantId, jobId) + safe(inputName);
    }

    /** The prefix of every {@link #upload} of a job. */
    public static String uploadsOf(String tenantId, String jobId) {
        return "uploads/" + safe(tenantId) + "/" + safe(jobId) + "/";
    }

    /** Where the job writes a named output. */
    public static String output(String jobId, String outputName) {
        return workOf(jobId) + "outputs/" + safe(outputName);
    }

    /** Where the job writes the work of one stage on one segment. */
    public static String segment(String jobId, int segment, String stage) {
        return workOf(jobId) + "segments/" + segment + "/" + safe(stage);
    }

    /** The prefix of everything a job writes under its own name: its {@link #output}s and {@link #segment}s. */
    public static String workOf(String jobId) {
        return "jobs/" + safe(jobId) + "/";
    }

    /**
     * Where synthesised audio lives, addressed by its content within a cache scope: the cache key is a
     * hash of the scope and everything that shapes the audio, so equal requests share one object within
     * the scope. A tenant's own scope ({@code cache/tts/tenants/<tenant>/}) keeps its work from answering
     * (and revealing itself to) any other tenant; tenants configured to share use the shared scope
     * ({@code cache/tts/shared/}), which no tenant's id can name.
     *
     * @param tenantId the tenant whose scope it is; null for the shared scope
     */
    public static String synthesisCache(String tenantId, String cacheKey, String extension) {
        String scope = tenantId == null ? "shared/" : "tenants/" + safe(tenantId) + "/";
        return SYNTHESIS_CACHE + scope + safe(cacheKey) + "." + safe(extension);
    }

    /** Whether {@code key} is a {@link #synthesisCache} key: its bytes never change, so a copy of them is never stale. */
    public static boolean isSynthesisCache(String key) {
        return key != null && key.startsWith(SYNTHESIS_CACHE);
    }

    /** Whether a name can be a single path element of a key: no separators, no dot-dot, no hidden files. */
    public static boolean isSafeName(String name) {
        return name != null && SAFE_NAME.matcher(name).matches() && !name.contains("..");
    }

    private static String safe(String name) {
        if (!isSafeName(name)) {
            throw new IllegalArgumentException("not a safe storage key element: " + name);
        }
        return name;
    }
}
