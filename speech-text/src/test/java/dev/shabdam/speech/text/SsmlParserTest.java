package dev.shabdam.speech.text;

import dev.shabdam.speech.SynthesisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsmlParserTest {

    @Test
    void parsesTheSubsetWithNestedProsody() {
        List<SsmlPart> parts = SsmlParser.parse("""
                <speak version="1.0">ഒന്ന് <break time="1.5s"/>
                <prosody rate="150%" pitch="-2st"><prosody volume="+6dB">രണ്ട്</prosody></prosody>
                <say-as interpret-as="telephone">9876543210</say-as></speak>""");
        assertThat(parts).hasSize(4);
        assertThat(parts.get(1)).isEqualTo(new SsmlPart.Pause(1500));
        SsmlPart.Speech nested = (SsmlPart.Speech) parts.get(2);
        assertThat(nested.change().rateFactor()).isEqualTo(1.5);
        assertThat(nested.change().pitchSemitones()).isEqualTo(-2);
        assertThat(nested.change().volumeFactor()).isCloseTo(1.995, org.assertj.core.api.Assertions.within(0.001));
        assertThat(((SsmlPart.Speech) parts.get(3)).interpretAs()).isEqualTo("telephone");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<speak>open <prosody>never closed</speak>",
                "<voice>not speak</voice>",
                "<speak><emphasis>unsupported</emphasis></speak>",
                "<speak><break time=\"soon\"/></speak>",
                "<speak><break time=\"60s\"/></speak>",
                "<speak><prosody rate=\"warp\">x</prosody></speak>",
                "<speak><prosody speed=\"fast\">x</prosody></speak>",
                "<speak><say-as interpret-as=\"verbatim\">x</say-as></speak>",
                "<!DOCTYPE speak [<!ENTITY x \"y\">]><speak>&x;</speak>",
                "<speak>a &amp b</speak>"
            })
    void rejectsAnythingOutsideTheSubset(String ssml) {
        assertThatThrownBy(() -> SsmlParser.parse(ssml))
                .isInstanceOf(SynthesisException.class)
                .extracting(e -> ((SynthesisException) e).codeName())
                .isEqualTo("invalid_ssml");
    }

    @Test
    void refusesElementsNestedDeeperThanTheLimit() {
        String deepest = "<speak>" + "<prosody rate=\"slow\">".repeat(SsmlParser.MAX_DEPTH - 1) + "x"
                + "</prosody>".repeat(SsmlParser.MAX_DEPTH - 1) + "</speak>";
        assertThat(SsmlParser.parse(deepest)).hasSize(1);
        String deeper =
                deepest.replace("<speak>", "<speak><prosody pitch=\"low\">").replace("</speak>", "</prosody></speak>");
        assertThatThrownBy(() -> SsmlParser.parse(deeper))
                .isInstanceOf(SynthesisException.class)
                .hasMessageContaining("nested deeper than " + SsmlParser.MAX_DEPTH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<speak>hi</speak>",
                "  <?xml version=\"1.0\"?><speak>hi</speak>",
                "<!DOCTYPE lolz [<!ENTITY lol \"lol\">]><speak>&lol;</speak>"
            })
    void markupIsReadAsSsmlNotSpokenAloud(String text) {
        assertThat(SsmlParser.isSsml(text)).isTrue();
        assertThat(SsmlParser.isSsml("I <3 Malayalam")).isFalse();
    }
}
