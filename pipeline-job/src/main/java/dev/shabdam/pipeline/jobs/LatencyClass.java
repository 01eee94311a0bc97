package dev.shabdam.pipeline.jobs;

import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.Topics;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * The pipeline's latency classes. Each reads {@code voice.requests} with its own source and consumer
 * group, keeps the requests of its job types, and runs them on tasks of its own with sinks of its own:
 * an hour of analysis, or a dub waiting on a remote translator, neither holds a sentence up on a shared
 * subtask nor backpressures it, and a record that crashes a media task restarts only the media tasks
 * (each class is a pipelined region of its own for Flink's region failover; a global failover, such as a
 * JobManager's restart, still restarts both).
 */
public enum LatencyClass {
    /** Speaking for someone who waits for the answer: GENERATE. */
    INTERACTIVE(Topics.PIPELINE_GROUP_INTERACTIVE),
    /** Work on media, seconds to hours long: ANALYZE, COMPARE, DUB, and TRAIN (not built: answered at once). */
    MEDIA(Topics.PIPELINE_GROUP_MEDIA);

    private final String groupId;

    LatencyClass(String groupId) {
        this.groupId = groupId;
    }

    public static LatencyClass of(JobType type) {
        return type.interactive() ? INTERACTIVE : MEDIA;
    }

    /** The Kafka consumer group of this class's source. */
    public String groupId() {
        return groupId;
    }

    /**
     * {@code name} (an operator uid, a transactional-id prefix) for this class. The media class keeps the
     * names of the graph from before the split, so a savepoint of that graph restores its state (dubs in
     * flight, the source's offsets) and its transactions into the media class; the interactive class's
     * names are new.
     */
    public String qualify(String name) {
        return this == MEDIA ? name : "interactive-" + name;
    }

    /** Keeps the requests this class serves; a cancellation carries its job's type, so it follows its job. */
    public FilterFunction<VoiceRequest> requests() {
        return new Served(this);
    }

    private record Served(LatencyClass latency) implements FilterFunction<VoiceRequest> {
        @Override
        public boolean filter(VoiceRequest request) {
            return of(request.type()) == latency;
        }
    }
}
