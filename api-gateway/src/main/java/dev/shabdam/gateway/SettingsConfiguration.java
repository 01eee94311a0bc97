package dev.shabdam.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each part of {@link GatewaySettings} as a bean of its own, so a class takes only what it reads. */
@Configuration(proxyBeanMethods = false)
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
