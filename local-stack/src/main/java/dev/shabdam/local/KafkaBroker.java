package dev.shabdam.local;

import dev.shabdam.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.List;
import java.util.Map;

/** A real Kafka broker in this process: one KRaft node in combined (broker + controller) mode. */
public final class KafkaBroker implements AutoCloseable {
    /** Partitions of the request topic: room for a parallelism of 4 in the local job. */
    private static final int REQUEST_PARTITIONS = 4;

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                // one node: internal topics cannot have more replicas than that
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        KafkaBroker broker = new KafkaBroker(cluster);
        broker.createTopics();
        return broker;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.REQUESTS, REQUEST_PARTITIONS, (short) 1),
                            new NewTopic(Topics.EVENTS, REQUEST_PARTITIONS, (short) 1),
                            new NewTopic(Topics.REPLIES, REQUEST_PARTITIONS, (short) 1),
                            new NewTopic(Topics.DEAD_LETTERS, 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
