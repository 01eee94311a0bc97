package dev.shabdam.gateway.storage;

import dev.shabdam.schemas.PathRedaction;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * Readiness: uploads and downloads need the object store. The details name the kind of store, not where it
 * is: the health endpoint answers without an API key, and a folder's path tells how the machine is laid out.
 */
@Component
class StorageHealthIndicator implements HealthIndicator {
    private final ObjectStore store;

    StorageHealthIndicator(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        String kind = URI.create(store.describe()).getScheme();
        try {
            store.checkHealth();
            return Health.up().withDetail("store", kind).build();
        } catch (Exception e) {
            return Health.down()
                    .withDetail("store", kind)
                    .withDetail("error", PathRedaction.withoutPaths(e.toString()))
                    .build();
        }
    }
}
