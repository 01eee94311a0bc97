package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.GatewaySettings;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CacheScopesTest {
    private final CacheScopes scopes =
            new CacheScopes(new GatewaySettings.Generation(DataSize.ofMegabytes(1), Set.of("news", "radio")));

    @Test
    void eachTenantHasItsOwnScopeUnlessItShares() {
        assertThat(scopes.of("acme")).isNotEqualTo(scopes.of("globex"));
        assertThat(scopes.of("news")).isEqualTo(scopes.of("radio"));
        assertThat(scopes.of("acme")).isNotEqualTo(scopes.of("news"));
    }

    @Test
    void onlySharingTenantsJobsAskForTheSharedCache() {
        Map<String, String> parameters = Map.of("text", "hello");
        assertThat(scopes.jobParameters("acme", parameters)).isEqualTo(parameters);
        assertThat(scopes.jobParameters("news", parameters))
                .containsEntry("sharedCache", "true")
                .containsEntry("text", "hello");
    }
}
