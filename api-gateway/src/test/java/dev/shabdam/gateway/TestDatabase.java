package dev.shabdam.gateway;

import dev.shabdam.testsupport.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.function.Supplier;

/** The Spring datasource of a test context, on the one PostgreSQL of the test JVM ({@link TestPostgres}). */
public final class TestDatabase {
    private TestDatabase() {}

    /** The database at {@code url}, as the server's superuser. */
    public static void register(DynamicPropertyRegistry registry, Supplier<Object> url) {
        registry.add("spring.datasource.url", url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
