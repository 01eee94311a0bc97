package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.schemas.jobs.GenerateJob;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/**
 * Whose generated audio a tenant may be answered with. By default only its own: the pipeline puts the tenant
 * into the synthesis cache key, so {@code X-Cache: HIT} never tells one tenant what another had spoken. A
 * tenant listed in {@code SHABDAM_SHARED_CACHE_TENANTS} opts into one cache shared with the other listed
 * tenants (cheaper for common phrases, at the cost of that hint): its GENERATE jobs carry the parameter
 * {@value GenerateJob#SHARED_CACHE}{@code =true}, which the pipeline reads ({@link CacheScope}).
 */
@Component
class CacheScopes {
    private final Set<String> sharing;

    CacheScopes(GatewaySettings.Generation properties) {
        this.sharing = Set.copyOf(properties.sharedCacheTenants());
    }

    /** The cache a tenant's generations are answered from: its own, or the shared one. */
    String of(String tenantId) {
        return CacheScope.of(tenantId, sharing.contains(tenantId)).id();
    }

    /** A GENERATE job's parameters, with the shared-cache opt-in when the tenant chose it. */
    Map<String, String> jobParameters(String tenantId, Map<String, String> parameters) {
        return sharing.contains(tenantId) ? GenerateJob.inSharedCache(parameters) : parameters;
    }
}
