package dev.shabdam.gateway.generation;

import dev.shabdam.speech.text.TextNormalizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The text normaliser the engine runs, loaded once: its word tables are read at construction. */
@Configuration(proxyBeanMethods = false)
class GenerationConfiguration {

    @Bean
    TextNormalizer textNormalizer() {
        return TextNormalizer.fromClasspath();
    }
}
