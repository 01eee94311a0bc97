package dev.shabdam.speech.text;

import dev.shabdam.speech.SynthesisException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextNormalizerTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.fromClasspath();

    @Test
    void factsMdCasesAreFixed() {
        String out = NORMALIZER
                .normalize("₹500 കൊടുത്തു, 5 km നടന്നു, 10:30-ന് 15/08/1947", Language.ML)
                .normalized();
        assertThat(out)
                .contains("രൂപ", "കിലോമീറ്റർ", "പത്ത് മണി മുപ്പത് മിനിറ്റ്", "ഓഗസ്റ്റ്")
                .doesNotContain("₹", "km", "/", ":", "slash");
    }

    @Test
    void segmentsConcatenateBackToTheNormalizedText() {
        NormalizedText out = NORMALIZER.normalize("ഞാൻ 2 Google accounts ഉപയോഗിക്കുന്നു. OK!", Language.ML);
        assertThat(String.join("", out.segments().stream().map(Segment::text).toList()))
                .isEqualTo(out.normalized());
        assertThat(out.segments())
                .extracting(Segment::language)
                .containsExactly(Language.ML, Language.EN, Language.ML, Language.EN);
    }

    @Test
    void outputIsNfcWithAtomicChillusOnly() {
        String out = NORMALIZER
                .normalize("അവന\u0D4D\u200D 1000 രൂപ തന്നു", Language.ML)
                .normalized();
        assertThat(out)
                .doesNotContain("\u200D")
                .isEqualTo(java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFC));
    }

    @Test
    void rejectsEmptyAndBlankText() {
        for (String empty : new String[] {"", "   \n\t"}) {
            assertThatThrownBy(() -> NORMALIZER.normalize(empty, Language.ML))
                    .isInstanceOf(SynthesisException.class)
                    .extracting(e -> ((SynthesisException) e).codeName())
                    .isEqualTo("empty_text");
        }
    }

    @Test
    void rejectsTextOverTheLimitButAcceptsTheLimit() {
        assertThat(NORMALIZER
                        .normalize("ക".repeat(TextNormalizer.MAX_CHARS), Language.ML)
                        .normalized())
                .hasSize(5000);
        assertThatThrownBy(() -> NORMALIZER.normalize("ക".repeat(100_000), Language.ML))
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("text_too_long");
    }

    @Test
    void strictUtf8DecoderRejectsMalformedBytes() {
        assertThat(Utf8.decodeStrict("മലയാളം".getBytes(StandardCharsets.UTF_8))).isEqualTo("മലയാളം");
        assertThatThrownBy(() -> Utf8.decodeStrict(new byte[] {(byte) 0xE0, (byte) 0xB4, 0x41}))
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("invalid_text");
    }

    @Test
    void unsupportedLanguageIsRejected() {
        assertThatThrownBy(() -> Language.fromCode("fr"))
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("unsupported_language");
        assertThat(Language.fromCode(" ML ")).isEqualTo(Language.ML);
    }

    @Test
    void sayAsSpellsCharactersAndTelephones() {
        assertThat(NORMALIZER.sayAs("AB1", "characters", Language.EN)).isEqualTo("ay bee one");
        assertThat(NORMALIZER.sayAs("0484 2", "telephone", Language.ML)).isEqualTo("പൂജ്യം നാല് എട്ട് നാല് രണ്ട്");
    }
}
