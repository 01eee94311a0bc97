package dev.shabdam.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param apiKeys {@code tenantA:key1,tenantB:key2}; empty means one development tenant with a
 *                random key made at start-up
 */
@ConfigurationProperties("shabdam")
public record ApiKeyProperties(String apiKeys) {}
