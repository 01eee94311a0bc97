package dev.shabdam.gateway.operations;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The Kafka admin client of the health checks: short timeouts, so a broker that is down is reported, not waited on. */
@Configuration(proxyBeanMethods = false)
class OperationsKafka {
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Bean(destroyMethod = "close")
    AdminClient operationsAdmin(KafkaAdmin kafkaAdmin) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "shabdam-gateway-health");
        return AdminClient.create(config);
    }
}
