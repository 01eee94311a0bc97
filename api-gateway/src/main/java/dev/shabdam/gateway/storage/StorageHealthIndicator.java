package dev.shabdam.gateway.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: uploads and downloads need the object store. */
@Component
class StorageHealthIndicator implements HealthIndicator {
    private final ObjectStore store;

    StorageHealthIndicator(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        try {
            store.checkHealth();
            return Health.up().withDetail("location", store.describe()).build();
        } catch (Exception e) {
            return Health.down(e).withDetail("location", store.describe()).build();
        }
    }
}
