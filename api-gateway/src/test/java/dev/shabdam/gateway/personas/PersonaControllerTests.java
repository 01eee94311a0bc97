package dev.shabdam.gateway.personas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP rules of /voice/personas: what a creation answers, every way a persona's fields and ids are refused
 * (before the table is asked), and the codes of an absent or taken persona. Storing, replacing and finding them,
 * per tenant, is {@link PersonaTest}'s.
 */
class PersonaControllerTests extends WebSliceTest {

    private MvcTestResult create(String body) {
        return postJson("/voice/personas", KEY_A, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCreatedPersonaIsAnswered201WithItsLocationAndItsControls() {
        MvcTestResult created = create("{\"name\":\"Meera\",\"voiceId\":\"ml-female-1\",\"language\":\"ml\","
                + "\"emotion\":\"happy\",\"speed\":1.2,\"pitch\":2}");

        assertThat(created).hasStatus(201);
        JsonNode persona = json(created);
        assertThat(created)
                .hasHeader(
                        "Location",
                        "/voice/personas/" + persona.get("personaId").asText());
        assertThat(persona.get("name").asText()).isEqualTo("Meera");
        assertThat(persona.get("voiceId").asText()).isEqualTo("ml-female-1");
        assertThat(persona.get("emotion").asText()).isEqualTo("happy");
        assertThat(persona.get("speed").asDouble()).isEqualTo(1.2);
        assertThat(persona.get("pitch").asDouble()).isEqualTo(2.0);
    }

    @Test
    void invalidControlsAreRefusedWithTheSynthesisCodes() {
        assertProblem(create("{\"name\":\"a\",\"speed\":5}"), 400, "invalid_parameter");
        assertProblem(create("{\"name\":\"b\",\"emotion\":\"bored\"}"), 400, "invalid_parameter");
        assertProblem(create("{\"name\":\"c\",\"language\":\"fr\"}"), 400, "unsupported_language");
        assertProblem(create("{\"name\":\"  \"}"), 400, "invalid_parameter");
        assertProblem(create("not json"), 400, "malformed_body");
        verifyNoInteractions(personaRepository);
    }

    @Test
    void voiceAndPersonaIdsMustBeVoiceNames() {
        assertProblem(create("{\"name\":\"d\",\"voiceId\":\"../../models/x\"}"), 400, "invalid_voice");
        assertProblem(create("{\"name\":\"e\",\"voiceId\":\"/etc/hostname\"}"), 400, "invalid_voice");
        assertProblem(get("/voice/personas/NOT-AN-ID", KEY_A), 400, "invalid_voice");
        verifyNoInteractions(personaRepository);
    }

    @Test
    void anAbsentPersonaIsNotFoundAndATakenNameExists() {
        String id = UUID.randomUUID().toString();
        assertProblem(get("/voice/personas/" + id, KEY_A), 404, "persona_not_found");
        assertProblem(
                mvc.delete()
                        .uri("/voice/personas/" + id)
                        .header("X-Api-Key", KEY_A)
                        .exchange(),
                404,
                "persona_not_found");

        doThrow(new DuplicateKeyException("personas_tenant_name"))
                .when(personaRepository)
                .insert(anyString(), any());
        assertProblem(create("{\"name\":\"taken\"}"), 409, "persona_exists");
    }
}
