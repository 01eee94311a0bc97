package dev.shabdam.pipeline.watermark;

import dev.shabdam.schemas.jobs.WatermarkId;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

/**
 * Who gets marked and with which key. Every GENERATE and DUB output is marked, except those of the tenants
 * listed in {@code SHABDAM_WATERMARK_OFF_TENANTS}: a deployment decision, never a request parameter, so
 * that no client can ask for unmarked synthetic speech.
 *
 * @param key           {@code SHABDAM_WATERMARK_KEY}, the development key where unset
 * @param offTenants    tenants whose outputs are not marked
 */
public record WatermarkSettings(WatermarkKey key, Set<String> offTenants) implements Serializable {
    public static final WatermarkSettings DEVELOPMENT =
            new WatermarkSettings(new WatermarkKey(WatermarkKey.DEVELOPMENT), Set.of());

    public WatermarkSettings {
        offTenants = Set.copyOf(offTenants);
    }

    /** The marking of a job's outputs; empty for a tenant configured without. */
    public Optional<Watermarker> forJob(String tenantId, String jobId) {
        return offTenants.contains(tenantId)
                ? Optional.empty()
                : Optional.of(new Watermarker(key, WatermarkId.of(jobId)));
    }
}
