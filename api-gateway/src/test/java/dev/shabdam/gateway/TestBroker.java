package dev.shabdam.gateway;

import dev.shabdam.schemas.Topics;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A real KRaft broker for a gateway test context, with the topics the gateway reads and writes. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@EmbeddedKafka(
        partitions = 1,
        topics = {Topics.REQUESTS, Topics.EVENTS, Topics.REPLIES},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        // a one-node test broker: no 3 s wait for more group members, no 50 offsets partitions
        brokerProperties = {"group.initial.rebalance.delay.ms=0", "offsets.topic.num.partitions=1"})
public @interface TestBroker {}
