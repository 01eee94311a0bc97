package dev.shabdam.gateway.operations;

import dev.shabdam.gateway.security.Tenant;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: the API key scheme, and no Tenant parameter (it comes from the key). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final String API_KEY = "apiKey";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
    }

    @Bean
    OpenAPI shabdamOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Shabdam voice engine")
                        .version("v1")
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
