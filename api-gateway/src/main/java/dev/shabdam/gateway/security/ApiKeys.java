package dev.shabdam.gateway.security;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.schemas.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured API keys and the tenants they belong to. */
@Component
public class ApiKeys {
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    static final String DEV_TENANT = "dev";

    /** key bytes → tenant */
    private final Map<byte[], Tenant> keys = new LinkedHashMap<>();

    ApiKeys(GatewaySettings settings) {
        String configured = settings.apiKeys();
        if (configured == null || configured.isBlank()) {
            String key = randomKey();
            add(DEV_TENANT, key);
            log.warn("No SHABDAM_API_KEYS set; tenant '{}' gets a key for this run only.", DEV_TENANT);
            log.warn("Development API key: {}", key);
        } else {
            for (String pair : configured.split(",")) {
                parse(pair.trim());
            }
        }
    }

    /**
     * The tenant of a key. Every configured key is compared, each in constant time, so the time taken
     * says nothing about which key, or how much of one, matched.
     */
    public Optional<Tenant> tenantOf(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        Tenant found = null;
        for (var entry : keys.entrySet()) {
            if (MessageDigest.isEqual(entry.getKey(), candidate)) {
                found = entry.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    private void parse(String pair) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            throw new IllegalArgumentException("SHABDAM_API_KEYS entries are tenant:key, got '" + pair + "'");
        }
        add(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }

    private void add(String tenant, String key) {
        // the tenant id becomes an element of storage keys
        if (!StorageKeys.isSafeName(tenant)) {
            throw new IllegalArgumentException("Tenant id '" + tenant + "' must be letters, digits, '.', '_' or '-'");
        }
        keys.put(key.getBytes(StandardCharsets.UTF_8), new Tenant(tenant));
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "dev-" + HexFormat.of().formatHex(bytes);
    }
}
