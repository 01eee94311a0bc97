package dev.shabdam.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /voice/normalize: the engine's own normaliser, in the gateway. */
class NormalizeTest extends GatewayTestSupport {

    private HttpResponse<byte[]> normalize(String body) {
        return http.send(Speech.json(http, "/voice/normalize", KEY_A, body).build());
    }

    @Test
    void moneyTimesAndDatesComeBackInMalayalamWordsSplitIntoSentences() {
        HttpResponse<byte[]> response =
                normalize("{\"text\":\"വില ₹1,500 ആണ്. സമയം 10:30. തീയതി 15/08/1947.\",\"language\":\"ml\"}");

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        JsonNode body = Http.json(response);
        String normalized = body.get("normalized").asText();
        assertThat(normalized).doesNotContain("₹", "/", ":").doesNotContainPattern("[0-9]");
        assertThat(normalized)
                .contains(
                        "ആയിരത്തി അഞ്ഞൂറ് രൂപ",
                        "പത്ത് മണി മുപ്പത് മിനിറ്റ്",
                        "പതിനഞ്ച് ഓഗസ്റ്റ് ആയിരത്തി തൊള്ളായിരത്തിനാൽപത്തിയേഴ്");
        List<String> sentences = new ArrayList<>();
        body.get("sentences").forEach(sentence -> sentences.add(sentence.asText()));
        assertThat(sentences)
                .containsExactly(
                        "വില ആയിരത്തി അഞ്ഞൂറ് രൂപ ആണ്.",
                        "സമയം പത്ത് മണി മുപ്പത് മിനിറ്റ്.",
                        "തീയതി പതിനഞ്ച് ഓഗസ്റ്റ് ആയിരത്തി തൊള്ളായിരത്തിനാൽപത്തിയേഴ്.");
    }

    @Test
    void theLanguageDefaultsToMalayalamAndEnglishIsSpokenInEnglish() {
        assertThat(Http.json(normalize("{\"text\":\"10:30\"}"))
                        .get("normalized")
                        .asText())
                .contains("മണി");
        assertThat(Http.json(normalize("{\"text\":\"It costs 25 dollars.\",\"language\":\"en\"}"))
                        .get("normalized")
                        .asText())
                .contains("twenty")
                .doesNotContainPattern("[0-9]");
    }

    @Test
    void badTextAndLanguagesAnswerTheirCodes() {
        assertProblem(normalize("{\"text\":\"   \",\"language\":\"ml\"}"), 400, "empty_text");
        assertProblem(normalize("{\"language\":\"ml\"}"), 400, "empty_text");
        assertProblem(normalize("{\"text\":\"" + "അ".repeat(5_001) + "\"}"), 400, "text_too_long");
        assertProblem(normalize("{\"text\":\"bonjour\",\"language\":\"fr\"}"), 400, "unsupported_language");
        assertProblem(normalize("this is not JSON"), 400, "malformed_body");
        assertProblem(
                http.send(Speech.json(http, "/voice/normalize", KEY_A, new byte[] {
                            '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        })
                        .build()),
                400,
                "invalid_text");
        assertProblem(
                http.send(Speech.json(http, "/voice/normalize", null, "{\"text\":\"hi\"}")
                        .build()),
                401,
                "missing_api_key");
    }
}
