package dev.shabdam.gateway;

import dev.shabdam.schemas.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The tests in the pipeline's place: its consumer groups commit what is on voice.requests, as the pipeline does after reading it. */
public final class PipelineGroups {
    private PipelineGroups() {
    }

    public static void consumedEverything(String bootstrapServers) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(java.util.List.of(Topics.REQUESTS))
                    .allTopicNames().get(10, TimeUnit.SECONDS).get(Topics.REQUESTS).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.REQUESTS, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> end = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            for (String group : new String[] {Topics.PIPELINE_GROUP_INTERACTIVE, Topics.PIPELINE_GROUP_MEDIA}) {
                admin.alterConsumerGroupOffsets(group, end).all().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
