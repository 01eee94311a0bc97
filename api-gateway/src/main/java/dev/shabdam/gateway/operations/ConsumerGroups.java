package dev.shabdam.gateway.operations;

import dev.shabdam.schemas.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where consumer groups stand on {@code voice.requests}: the sum of their committed offsets, and their lag,
 * the committed records they have not read. A partition a group never committed counts from its first
 * offset, where the pipeline's source starts such a group.
 */
class ConsumerGroups {
    private static final long TIMEOUT_SECONDS = 3;

    private final AdminClient admin;

    ConsumerGroups(AdminClient admin) {
        this.admin = admin;
    }

    /** A group's position: committed offsets summed over the partitions, and records left to read. */
    record Position(String group, long committed, long lag) {}

    List<Position> positions(List<String> groups) throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> first = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        List<Position> positions = new ArrayList<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long sum = 0;
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long position = offset == null ? first.get(partition) : offset.offset();
                sum += position;
                lag += Math.max(0, end.get(partition) - position);
            }
            positions.add(new Position(group, sum, lag));
        }
        return positions;
    }

    /** The partitions of voice.requests; none before its first record created it. */
    private List<TopicPartition> partitions() throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return admin
                    .describeTopics(List.of(Topics.REQUESTS))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(Topics.REQUESTS)
                    .partitions()
                    .stream()
                    .map(partition -> new TopicPartition(Topics.REQUESTS, partition.partition()))
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw e;
        }
    }

    /** Offsets as a read_committed consumer (the pipeline) sees them: the end is the last stable offset. */
    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request =
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin
                .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().offset()));
    }
}
