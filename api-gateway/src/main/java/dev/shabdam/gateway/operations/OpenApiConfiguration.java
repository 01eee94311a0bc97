package dev.shabdam.gateway.operations;

import dev.shabdam.gateway.jobs.WaitTime;
import dev.shabdam.gateway.security.Tenant;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * The OpenAPI document at /v3/api-docs: the API key scheme, no Tenant parameter (it comes from the key), a
 * {@code wait} that is the number of seconds clients send, and the version of the build that serves it (Maven's, through {@code META-INF/build-info.properties}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final String API_KEY = "apiKey";

    static {
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(Tenant.class)
                .replaceWithSchema(
                        WaitTime.class,
                        new IntegerSchema()
                                .minimum(BigDecimal.ZERO)
                                .maximum(BigDecimal.valueOf(WaitTime.MAX_SECONDS))
                                .description("seconds to wait for the job's end"));
    }

    @Bean
    OpenAPI shabdamOpenApi(BuildProperties build) {
        return new OpenAPI()
                .info(new Info()
                        .title("Shabdam voice engine")
                        .version(build.getVersion())
                        .description("Voice analysis, generation, cloning and dubbing; long work runs as jobs."))
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
