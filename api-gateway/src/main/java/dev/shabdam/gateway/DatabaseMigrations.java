package dev.shabdam.gateway;

import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Applies the shared migrations of the {@code schemas} module at start-up. Boot 4 only
 * auto-configures Flyway through its separate spring-boot-flyway module, which we do not use.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrations {

    @Bean(initMethod = "migrate")
    Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
