package dev.shabdam.gateway.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of whether the pipeline consumes: the Flink job's state, where its consumer groups stand and the
 * oldest queued job. It is DOWN when the job is not RUNNING, or when the oldest queued job has waited longer
 * than the stall bound while a group has not kept up for as long: work waits, and nothing takes it.
 *
 * @param flinkState the job's state, null when no Flink REST URL is configured
 * @param groups     the pipeline's groups, empty when Kafka could not be read ({@code groupsError} says why)
 * @param oldestQueued the oldest QUEUED job and how long it has waited; null when nothing waits
 */
record PipelineReading(Instant at, String flinkState, List<Group> groups, String groupsError, QueuedJob oldestQueued,
                       Duration stallBound) {

    /** A consumer group, and how long it has not kept up (zero when it does). */
    record Group(String name, long lag, Duration behindFor) {
    }

    record QueuedJob(String jobId, Duration waited) {
    }

    /** Why the pipeline is not consuming; empty when it is. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (flinkState != null && !flinkState.equals(FlinkJobs.RUNNING)) {
            problems.add("the Flink job is " + flinkState);
        }
        if (oldestQueued != null && oldestQueued.waited().compareTo(stallBound) >= 0) {
            for (Group group : groups) {
                if (group.lag() > 0 && group.behindFor().compareTo(stallBound) >= 0) {
                    problems.add("job " + oldestQueued.jobId() + " has been queued for " + oldestQueued.waited().toSeconds()
                            + " s while consumer group " + group.name() + " has not moved for " + group.behindFor().toSeconds()
                            + " s with " + group.lag() + " requests left");
                }
            }
        }
        return problems;
    }

    long lag(String group) {
        return groups.stream().filter(g -> g.name().equals(group)).mapToLong(Group::lag).findFirst().orElse(-1);
    }

    /** What the health endpoint shows. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("flinkJob", flinkState != null ? flinkState : "not checked: SHABDAM_FLINK_REST_URL is not set");
        Map<String, Object> consumers = new LinkedHashMap<>();
        groups.forEach(group -> consumers.put(group.name(), Map.of("lag", group.lag(),
                "notMovingSeconds", group.behindFor().toSeconds())));
        details.put("consumerGroups", groupsError != null ? groupsError : consumers);
        details.put("oldestQueuedSeconds", oldestQueued == null ? 0 : oldestQueued.waited().toSeconds());
        details.put("queueStallSeconds", stallBound.toSeconds());
        details.put("readAt", at.toString());
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            details.put("problems", problems);
        }
        return details;
    }
}
