package dev.shabdam.gateway.generation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.Set;

/**
 * @param recentAudio        how much generated audio this gateway keeps in memory ({@link RecentAudio})
 * @param sharedCacheTenants the tenants whose generations share one synthesis cache ({@link CacheScopes})
 */
@ConfigurationProperties("shabdam.generation")
public record GenerationProperties(DataSize recentAudio, Set<String> sharedCacheTenants) {

    public GenerationProperties {
        sharedCacheTenants = sharedCacheTenants == null ? Set.of() : Set.copyOf(sharedCacheTenants);
    }
}
