package dev.shabdam.gateway.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of whether the pipeline consumes: the Flink job's state, each latency class's queue, and where
 * the pipeline's consumer groups stand. It is DOWN when the job is not RUNNING, or when a class has work that
 * has waited longer than the class's bound while none of the class's jobs has moved for as long: work waits,
 * and nothing takes it. The groups' lag is shown, not judged: offsets are committed with checkpoints, which a
 * long media record holds up for minutes while the pipeline is healthy.
 *
 * @param flinkState the job's state, null when no Flink REST URL is configured
 * @param queues     one per latency class
 * @param groups     the pipeline's groups, empty when Kafka could not be read ({@code groupsError} says why)
 */
record PipelineReading(Instant at, String flinkState, List<ClassQueue> queues, List<Group> groups, String groupsError) {

    /** A consumer group, and how long its committed offsets have not kept up (zero when they do). */
    record Group(String name, long lag, Duration behindFor) {}

    record QueuedJob(String jobId, Duration waited) {}

    /**
     * A latency class's queue.
     *
     * @param oldestQueued  its oldest QUEUED job; null when nothing waits
     * @param sinceProgress how long since the pipeline last moved one of its jobs; null when it never has
     * @param bound         how long work may wait without progress before the class counts as stalled
     */
    record ClassQueue(String name, QueuedJob oldestQueued, Duration sinceProgress, Duration bound) {
        boolean stalled() {
            return oldestQueued != null
                    && oldestQueued.waited().compareTo(bound) >= 0
                    && (sinceProgress == null || sinceProgress.compareTo(bound) >= 0);
        }
    }

    /** Why the pipeline is not consuming; empty when it is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (flinkState != null && !flinkState.equals(FlinkJobs.RUNNING)) {
            problems.add("the Flink job is " + flinkState);
        }
        for (ClassQueue queue : queues) {
            if (queue.stalled()) {
                problems.add("job " + queue.oldestQueued().jobId() + " has been queued for "
                        + queue.oldestQueued().waited().toSeconds() + " s and no " + queue.name()
                        + " job has moved for "
                        + (queue.sinceProgress() == null
                                ? "ever"
                                : queue.sinceProgress().toSeconds() + " s")
                        + " (bound " + queue.bound().toSeconds() + " s)");
            }
        }
        return problems;
    }

    long lag(String group) {
        return groups.stream()
                .filter(g -> g.name().equals(group))
                .mapToLong(Group::lag)
                .findFirst()
                .orElse(-1);
    }

    /** How long the oldest queued job of any class has waited; zero when nothing waits. */
    Duration oldestWait() {
        return queues.stream()
                .filter(q -> q.oldestQueued() != null)
                .map(q -> q.oldestQueued().waited())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** What the health endpoint shows. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("flinkJob", flinkState != null ? flinkState : "not checked: SHABDAM_FLINK_REST_URL is not set");
        Map<String, Object> classes = new LinkedHashMap<>();
        queues.forEach(queue -> classes.put(
                queue.name(),
                Map.of(
                        "oldestQueuedSeconds",
                                queue.oldestQueued() == null
                                        ? 0
                                        : queue.oldestQueued().waited().toSeconds(),
                        "sinceProgressSeconds",
                                queue.sinceProgress() == null
                                        ? -1
                                        : queue.sinceProgress().toSeconds(),
                        "boundSeconds", queue.bound().toSeconds())));
        details.put("queues", classes);
        Map<String, Object> consumers = new LinkedHashMap<>();
        groups.forEach(group -> consumers.put(
                group.name(),
                Map.of("lag", group.lag(), "notMovingSeconds", group.behindFor().toSeconds())));
        details.put("consumerGroups", groupsError != null ? groupsError : consumers);
        details.put("oldestQueuedSeconds", oldestWait().toSeconds());
        details.put("readAt", at.toString());
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            details.put("problems", problems);
        }
        return details;
    }
}
