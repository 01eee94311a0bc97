package dev.shabdam.gateway.personas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.gateway.GatewayTestSupport;
import dev.shabdam.gateway.Http;
import dev.shabdam.gateway.Speech;
import dev.shabdam.schemas.VoiceRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * /voice/personas against the real stack (stored per tenant), and personas as the voiceId of a generation. The
 * ways a persona is refused are {@link PersonaControllerTests}'.
 */
class PersonaTest extends GatewayTestSupport {

    private HttpResponse<byte[]> create(String key, String body) {
        return http.send(Speech.json(http, "/voice/personas", key, body).build());
    }

    private static String uniqueName() {
        return "persona-" + UUID.randomUUID();
    }

    @Test
    void aPersonaIsCreatedReadReplacedAndDeleted() {
        String name = uniqueName();
        HttpResponse<byte[]> created = create(
                KEY_A,
                "{\"name\":\"" + name + "\",\"voiceId\":\"ml-female-1\","
                        + "\"language\":\"ml\",\"emotion\":\"happy\",\"speed\":1.2,\"pitch\":2}");
        assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
        JsonNode persona = Http.json(created);
        String id = persona.get("personaId").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/voice/personas/" + id);
        assertThat(persona.get("name").asText()).isEqualTo(name);
        assertThat(persona.get("voiceId").asText()).isEqualTo("ml-female-1");
        assertThat(persona.get("emotion").asText()).isEqualTo("happy");
        assertThat(persona.get("speed").asDouble()).isEqualTo(1.2);
        assertThat(persona.get("pitch").asDouble()).isEqualTo(2.0);

        assertThat(Http.json(http.get("/voice/personas/" + id, KEY_A))).isEqualTo(persona);
        assertThat(Http.json(http.get("/voice/personas", KEY_A)).findValuesAsText("personaId"))
                .contains(id);

        HttpResponse<byte[]> replaced = http.send(http.request("/voice/personas/" + id, KEY_A)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "-2\",\"language\":\"en\",\"emotion\":\"calm\"}"))
                .build());
        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonNode after = Http.json(http.get("/voice/personas/" + id, KEY_A));
        assertThat(after.get("name").asText()).isEqualTo(name + "-2");
        assertThat(after.get("language").asText()).isEqualTo("en");
        assertThat(after.get("emotion").asText()).isEqualTo("calm");
        assertThat(after.get("speed").asDouble()).isEqualTo(1.0);
        assertThat(after.get("voiceId").isNull()).isTrue();
        assertThat(after.get("createdAt")).isEqualTo(persona.get("createdAt"));

        assertThat(http.send(http.request("/voice/personas/" + id, KEY_A)
                                .DELETE()
                                .build())
                        .statusCode())
                .isEqualTo(204);
        assertProblem(http.get("/voice/personas/" + id, KEY_A), 404, "persona_not_found");
        assertProblem(
                http.send(http.request("/voice/personas/" + id, KEY_A).DELETE().build()), 404, "persona_not_found");
    }

    @Test
    void anotherTenantsPersonaIsNotFoundAndNamesAreUniquePerTenant() {
        String name = uniqueName();
        String id = Http.json(create(KEY_A, "{\"name\":\"" + name + "\"}"))
                .get("personaId")
                .asText();

        assertProblem(create(KEY_A, "{\"name\":\"" + name + "\",\"emotion\":\"sad\"}"), 409, "persona_exists");
        assertThat(create(KEY_B, "{\"name\":\"" + name + "\"}").statusCode()).isEqualTo(201);

        assertProblem(http.get("/voice/personas/" + id, KEY_B), 404, "persona_not_found");
        assertProblem(
                http.send(http.request("/voice/personas/" + id, KEY_B)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"taken\"}"))
                        .build()),
                404,
                "persona_not_found");
        assertProblem(
                http.send(http.request("/voice/personas/" + id, KEY_B).DELETE().build()), 404, "persona_not_found");
        assertThat(Http.json(http.get("/voice/personas", KEY_B)).findValuesAsText("personaId"))
                .doesNotContain(id);

        String other = Http.json(create(KEY_A, "{\"name\":\"" + uniqueName() + "\"}"))
                .get("personaId")
                .asText();
        assertProblem(
                http.send(http.request("/voice/personas/" + other, KEY_A)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                        .build()),
                409,
                "persona_exists");
    }

    @Test
    void idsThatArePathsAreRefusedAsVoiceNamesOnceTheServerDecodesThem() {
        assertProblem(
                http.send(http.request("/voice/personas/..%2E", KEY_A).DELETE().build()), 400, "invalid_voice");
        assertProblem(http.get("/voice/personas/..%2F..%2Fetc%2Fpasswd", KEY_A), 400, "invalid_voice");
        assertProblem(http.get("/voice/personas/" + java.util.UUID.randomUUID(), KEY_A), 404, "persona_not_found");
    }

    @Test
    void aPersonaAsVoiceIdShapesTheRequestAndExplicitFieldsWin() {
        String name = uniqueName();
        String id = Http.json(create(
                        KEY_A,
                        "{\"name\":\"" + name + "\",\"voiceId\":\"ml-female-1\","
                                + "\"language\":\"ml\",\"emotion\":\"happy\",\"speed\":1.2,\"pitch\":2}"))
                .get("personaId")
                .asText();

        VoiceRequest byName = generate("{\"text\":\"hello\",\"voiceId\":\"" + name + "\",\"speed\":0.9}");
        assertThat(byName.parameters())
                .containsEntry("voiceId", "ml-female-1")
                .containsEntry("language", "ml")
                .containsEntry("emotion", "happy")
                .containsEntry("speed", "0.9")
                .containsEntry("pitch", "2.0");

        VoiceRequest byId =
                generate("{\"text\":\"hello\",\"voiceId\":\"" + id + "\",\"emotion\":\"sad\",\"language\":\"en\"}");
        assertThat(byId.parameters())
                .containsEntry("voiceId", "ml-female-1")
                .containsEntry("language", "en")
                .containsEntry("emotion", "sad")
                .containsEntry("speed", "1.2")
                .containsEntry("pitch", "2.0");

        // another tenant's persona is just an unknown voice id to tenant C
        HttpResponse<byte[]> other = http.send(
                Speech.json(http, "/voice/generate?wait=0", KEY_C, "{\"text\":\"hello\",\"voiceId\":\"" + name + "\"}")
                        .build());
        assertThat(sentRequest(Http.json(other).get("jobId").asText()).parameters())
                .containsEntry("voiceId", name)
                .containsEntry("emotion", "neutral");
    }

    private VoiceRequest generate(String body) {
        HttpResponse<byte[]> response = http.send(
                Speech.json(http, "/voice/generate?wait=0", KEY_A, body).build());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(202);
        return sentRequest(Http.json(response).get("jobId").asText());
    }

    private VoiceRequest sentRequest(String jobId) {
        await().untilAsserted(() -> assertThat(requestsOf(jobId)).isNotEmpty());
        return requestsOf(jobId).get(0);
    }
}
