package dev.shabdam.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@link GatewaySettings} and offers each part as a bean of its own, so a class takes only what it reads.
 * Enabled here rather than scanned, so a test slice that imports this class gets the settings too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
public class SettingsConfiguration {

    @Bean
    GatewaySettings.Storage storageSettings(GatewaySettings settings) {
        return settings.storage();
    }

    @Bean
    GatewaySettings.Uploads uploadSettings(GatewaySettings settings) {
        return settings.uploads();
    }

    @Bean
    GatewaySettings.Requests requestSettings(GatewaySettings settings) {
        return settings.requests();
    }

    @Bean
    GatewaySettings.Generation generationSettings(GatewaySettings settings) {
        return settings.generation();
    }

    @Bean
    GatewaySettings.Jobs jobSettings(GatewaySettings settings) {
        return settings.jobs();
    }

    @Bean
    GatewaySettings.Retention retentionSettings(GatewaySettings settings) {
        return settings.retention();
    }

    @Bean
    GatewaySettings.Health healthSettings(GatewaySettings settings) {
        return settings.health();
    }
}
