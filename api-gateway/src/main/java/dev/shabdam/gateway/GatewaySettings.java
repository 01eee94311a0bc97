package dev.shabdam.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Every setting of the gateway, bound from {@code shabdam.*}. {@code application.yml} is the one place that maps
 * each to its {@code SHABDAM_*} environment variable and gives its default; no class reads the environment.
 * A class takes the part it needs ({@link SettingsConfiguration} offers each as a bean).
 *
 * @param apiKeys {@code tenantA:key1,tenantB:key2}; empty means one development tenant with a random key made at
 *                start-up
 */
@ConfigurationProperties(GatewaySettings.PREFIX)
public record GatewaySettings(
        String apiKeys,
        Storage storage,
        Uploads uploads,
        Requests requests,
        Generation generation,
        Jobs jobs,
        Retention retention,
        Health health) {
    public static final String PREFIX = "shabdam";
    /** For {@code @Scheduled}, which takes a placeholder rather than a bean. */
    public static final String HEALTH_SAMPLE_EVERY = "${shabdam.health.sample-every}";

    public static final String RETENTION_FIRST_SWEEP_AFTER = "${shabdam.retention.first-sweep-after}";
    public static final String RETENTION_SWEEP_EVERY = "${shabdam.retention.sweep-every}";

    /**
     * @param uri {@code file:///abs/dir} or {@code s3://bucket[/prefix]}
     * @param s3  connection settings, used for {@code s3://} URIs
     */
    public record Storage(URI uri, S3 s3) {}

    /**
     * @param endpoint  an S3-compatible endpoint (MinIO, s3proxy); empty for AWS itself
     * @param accessKey empty to use the SDK's default credential chain
     */
    public record S3(String endpoint, String accessKey, String secretKey, String region) {}

    /** Size limits of uploaded media, by the kind the sniffed container says it is. */
    public record Uploads(DataSize maxAudioBytes, DataSize maxVideoBytes) {}

    /**
     * @param maxJsonBytes the largest body a request other than an upload may have (JSON: a text to speak, a
     *                     persona). 5,000 characters of Malayalam are 15 KB of UTF-8, or 30 KB written as JSON
     *                     {@code \\u} escapes; SSML markup adds a few KB: 64 KB leaves room and no more.
     */
    public record Requests(DataSize maxJsonBytes) {}

    /**
     * @param recentAudio        how much generated audio this gateway keeps in memory to answer repeated sentences
     * @param sharedCacheTenants the tenants whose generations share one synthesis cache; every other tenant has its own
     */
    public record Generation(DataSize recentAudio, Set<String> sharedCacheTenants) {
        public Generation {
            sharedCacheTenants = sharedCacheTenants == null ? Set.of() : Set.copyOf(sharedCacheTenants);
        }
    }

    /**
     * @param cancelWait how long {@code DELETE /jobs/{id}} of a queued or running job waits for the pipeline to
     *                   confirm the cancellation (its CANCELLED event) before answering with the job as it stands.
     *                   The media side's events come with its checkpoints (every second), so a healthy pipeline
     *                   confirms within one or two; ten seconds leaves room for a checkpoint held up a little
     */
    public record Jobs(Duration cancelWait) {}

    /**
     * @param days            how long an ended job's uploads and outputs are kept; 0 keeps them forever. 30 by
     *                        default: long enough to download a dub, review it and render it again; short enough
     *                        that recordings of people's voices, which are personal data, are not kept for longer
     *                        than the work needs
     * @param firstSweepAfter soon after start as well as every {@code sweepEvery}: a gateway restarted more often
     *                        than that still sweeps
     */
    public record Retention(int days, Duration firstSweepAfter, Duration sweepEvery) {
        public Retention {
            if (days < 0) {
                throw new IllegalArgumentException(
                        "SHABDAM_RETENTION_DAYS must be 0 (keep forever) or more, not " + days);
            }
        }
    }

    /**
     * What the pipeline's part of readiness reads.
     *
     * @param flinkRestUrl Flink's REST API ({@code SHABDAM_FLINK_REST_URL}, the JobManager's web port); null: the
     *                     job's state is not checked, and the health details say so
     * @param flinkJobName the pipeline's job name there
     * @param queueStall   {@code SHABDAM_QUEUE_STALL_SECONDS}: how long interactive work (a sentence) may wait
     *                     while no sentence is spoken before readiness is DOWN. 300 s by default: a sentence takes a
     *                     second and a restart from a checkpoint seconds, so a busy pipeline is not taken for a dead
     *                     one (DOWN takes every gateway out of service at once); and five minutes is soon enough for
     *                     an orchestrator and the on-call to learn that queued work does not move, where the
     *                     incident of issue 10 went unseen for hours
     * @param jobTimeout   {@code SHABDAM_JOB_TIMEOUT_SECONDS}, the pipeline's own limit on one record's work: a media
     *                     job may run that long without an event, so media work may wait {@code queueStall} more
     *                     than that before the media queue counts as stalled
     * @param sampleEvery  how often the job's state, the groups' offsets and the queue are read (health and metrics
     *                     answer from the latest reading)
     */
    public record Health(
            URI flinkRestUrl, String flinkJobName, Duration queueStall, Duration jobTimeout, Duration sampleEvery) {}
}
