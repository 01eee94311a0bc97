package dev.shabdam.gateway.events;

import dev.shabdam.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import java.util.Properties;
import java.util.UUID;

/**
 * The consumers of this gateway instance, both feeding the {@link JobEventBus}. Their group ids are
 * unique, so every instance sees every event (its clients may follow any job), and they start at the
 * latest offset: what came before is read from {@code job_events} instead.
 *
 * <ul>
 *   <li>{@code voice.events}: read_committed (application.yml) hides events of aborted pipeline
 *       transactions; they become visible with the pipeline's checkpoint.</li>
 *   <li>{@code voice.replies}: the pipeline writes the events of GENERATE jobs here as well, at once and
 *       at-least-once, so a waiting client hears of them without the checkpoint's delay. Read
 *       uncommitted, with a short fetch wait; the bus drops the duplicates.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EventsListenerConfiguration {
    static final String REPLIES_FETCH_MAX_WAIT_MS = "50";

    @Bean
    KafkaMessageListenerContainer<String, byte[]> jobEventsListener(
            ConsumerFactory<String, byte[]> consumers, JobEventBus bus) {
        return listener(consumers, bus, Topics.EVENTS, new Properties());
    }

    @Bean
    KafkaMessageListenerContainer<String, byte[]> repliesListener(
            ConsumerFactory<String, byte[]> consumers, JobEventBus bus) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, REPLIES_FETCH_MAX_WAIT_MS);
        return listener(consumers, bus, Topics.REPLIES, overrides);
    }

    private static KafkaMessageListenerContainer<String, byte[]> listener(
            ConsumerFactory<String, byte[]> consumers, JobEventBus bus, String topic, Properties overrides) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId("shabdam-gateway-" + topic + "-" + UUID.randomUUID());
        properties.setKafkaConsumerProperties(overrides);
        properties.setMessageListener((MessageListener<String, byte[]>)
                (ConsumerRecord<String, byte[]> record) -> bus.accept(record.value()));
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }
}
