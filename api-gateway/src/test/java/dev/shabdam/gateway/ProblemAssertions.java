package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refusal must look like: an RFC 9457 problem document with our {@code code}. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    /** An answer of {@code status}, as {@code application/problem+json}, whose code is {@code code}. */
    public static void assertProblem(int actualStatus, String contentType, byte[] body, int status, String code) {
        assertThat(actualStatus).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode problem = Http.json(body);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).endsWith("/" + code);
        assertThat(problem.has("title")).isTrue();
        assertThat(problem.has("detail")).isTrue();
    }
}
