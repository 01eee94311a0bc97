package dev.shabdam.gateway.security;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An encoded slash ({@code %2F}) in a path reaches the controllers still encoded, as one path element:
 * Tomcat's default refuses such a request with an HTML page of its own, before any of our code could
 * answer. Ids are looked up, never used as paths, and each kind is checked where it is read (persona ids
 * by {@code VoiceIds}, job ids by the table), so {@code /jobs/..%2Fetc} is a plain {@code job_not_found}
 * problem like any other unknown id.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesStayInTheirPathElement() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
