package dev.shabdam.schemas;

import dev.shabdam.schemas.jobs.GenerateJob;

/**
 * Whose synthesis cache a GENERATE request reads and fills: its tenant's own, unless the request carries
 * {@link GenerateJob#SHARED_CACHE}{@code =true} (the gateway sets it for the tenants configured to share
 * one, and the job reads it: one definition for both sides). The scope is part of the cache key and of the
 * storage key, so one tenant's generations never answer another's: a hit or a miss ({@code X-Cache}) tells a
 * tenant nothing about anyone else's work.
 *
 * @param tenantId the tenant whose own cache it is; null for the shared cache
 */
public record CacheScope(String tenantId) {
    public static final CacheScope SHARED = new CacheScope(null);

    public static CacheScope of(VoiceRequest request) {
        return of(request.tenantId(), GenerateJob.sharesCache(request.parameters()));
    }

    /** The scope of a tenant's generations: the shared one when it chose to share, else its own. */
    public static CacheScope of(String tenantId, boolean shares) {
        return shares ? SHARED : new CacheScope(tenantId);
    }

    /** The scope as it goes into cache keys; tenant ids have no ':', so none can spell the shared scope. */
    public String id() {
        return tenantId == null ? "shared" : "tenant:" + tenantId;
    }

    /** Where the audio of {@code cacheKey} is stored in this scope. */
    public String storageKey(String cacheKey, String extension) {
        return StorageKeys.synthesisCache(tenantId, cacheKey, extension);
    }
}
