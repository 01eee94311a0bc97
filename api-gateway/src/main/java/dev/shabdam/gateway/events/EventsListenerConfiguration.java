package dev.shabdam.gateway.events;

import dev.shabdam.schemas.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import java.util.UUID;

/**
 * One consumer of {@code voice.events} per gateway instance. Its group id is unique, so every instance
 * sees every event (its SSE clients may follow any job), and it starts at the latest offset: what came
 * before is read from {@code job_events} instead. read_committed hides events of aborted pipeline
 * transactions (set in application.yml with the other consumer settings).
 */
@Configuration(proxyBeanMethods = false)
class EventsListenerConfiguration {

    @Bean
    KafkaMessageListenerContainer<String, byte[]> jobEventsListener(ConsumerFactory<String, byte[]> consumers,
                                                                   JobEventBus bus) {
        ContainerProperties properties = new ContainerProperties(Topics.EVENTS);
        properties.setGroupId("shabdam-gateway-" + UUID.randomUUID());
        properties.setMessageListener((MessageListener<String, byte[]>) (ConsumerRecord<String, byte[]> record) ->
                bus.accept(record.value()));
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }
}
