package dev.shabdam.speech.subtitles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubtitleParserTest {

    @Test
    void readsSrtWithBomCrlfTagsAndMultiLineCues() throws Exception {
        String srt =
                "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hello</i> there,\r\n{\\an8}<font color=\"red\">friend</font>\r\n\r\n"
                        + "2\r\n00:00:02,500 --> 01:02:03,004\r\nTom &amp; Jerry\r\n";
        List<Cue> cues = SubtitleParser.parse(srt.getBytes(StandardCharsets.UTF_8));
        assertThat(cues)
                .containsExactly(
                        new Cue(1, 1000, 2500, "Hello there,\nfriend", null),
                        new Cue(2, 2500, 3_723_004, "Tom & Jerry", null));
    }

    @Test
    void readsWebVttSkippingHeaderNotesStylesAndSettingsAndKeepsSpeakers() throws Exception {
        String vtt = """
                WEBVTT - a film

                NOTE written by hand
                over two lines

                STYLE
                ::cue { color: yellow }

                intro
                00:01.000 --> 00:02.000 align:start position:10%
                <v Asha>Namaskaram, <b>everyone</b>.</v>

                00:00:02.000 --> 00:00:04.250
                <v.loud Ravi Kumar>Hello!
                <c.yellow>Second</c> line <00:00:03.000>here
                """;
        assertThat(SubtitleParser.parse(vtt))
                .containsExactly(
                        new Cue(1, 1000, 2000, "Namaskaram, everyone.", "Asha"),
                        new Cue(2, 2000, 4250, "Hello!\nSecond line here", "Ravi Kumar"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            bad timestamp      | 1\\n00:00:01,000 --> 00:00:2,000\\nHi\\n                                               | 2 | '00:00:2,000' is not a timestamp HH:MM:SS,mmm
            vtt comma          | WEBVTT\\n\\n00:00:01,000 --> 00:00:02,000\\nHi\\n                                        | 3 | '00:00:01,000' is not a timestamp HH:MM:SS.mmm
            end before start   | 1\\n00:00:01,000 --> 00:00:02,000\\nA\\n\\n2\\n00:00:04,000 --> 00:00:03,000\\nB\\n         | 6 | end 00:00:03,000 is before start 00:00:04,000
            zero length        | 1\\n00:00:01,000 --> 00:00:01,000\\nA\\n                                                | 2 | end 00:00:01,000 is the same as start 00:00:01,000
            missing blank line | 1\\n00:00:01,000 --> 00:00:02,000\\nA\\n2\\n00:00:03,000 --> 00:00:04,000\\nB\\n             | 5 | a timing line inside the text of cue 1
            overlapping        | 1\\n00:00:01,000 --> 00:00:03,000\\nA\\n\\n2\\n00:00:02,000 --> 00:00:04,000\\nB\\n         | 6 | cue 2 starts at 00:00:02,000, before cue 1 ends at 00:00:03,000
            out of order       | 1\\n00:00:05,000 --> 00:00:06,000\\nA\\n\\n2\\n00:00:01,000 --> 00:00:02,000\\nB\\n         | 6 | cue 2 starts at 00:00:01,000, before cue 1 ends at 00:00:06,000
            renumbered         | 2\\n00:00:01,000 --> 00:00:02,000\\nA\\n\\n2\\n00:00:03,000 --> 00:00:04,000\\nB\\n         | 5 | cue number 2 does not follow 2
            garbage            | \\n\\nthis is not a subtitle file\\n                                                    | 3 | expected a cue number, found 'this is not a subtitle file'
            empty              | \\r\\n\\r\\n                                                                                 | 1 | no cues: the file is empty
            no text            | 1\\n00:00:01,000 --> 00:00:02,000\\n\\n                                                  | 3 | cue 1 has no text
            srt trailing junk  | 1\\n00:00:01,000 --> 00:00:02,000 X1:10\\nA\\n                                          | 2 | unexpected 'X1:10' after the end time
            no vtt signature   | WEBVTTX\\n\\n00:01.000 --> 00:02.000\\nA\\n                                              | 1 | a WebVTT file starts with a line 'WEBVTT'
            vtt stray line     | WEBVTT\\n\\nhello\\n\\n00:01.000 --> 00:02.000\\nA\\n                                     | 3 | 'hello' is neither a cue nor a NOTE
            """)
    void refusesMalformedFilesNamingTheLine(String name, String escaped, int line, String sentence) {
        String text = escaped.strip().replace("\\r", "\r").replace("\\n", "\n");
        assertThatThrownBy(() -> SubtitleParser.parse(text))
                .isInstanceOf(SubtitleFormatException.class)
                .hasMessageStartingWith("line " + line + ": " + sentence)
                .satisfies(e -> assertThat(((SubtitleFormatException) e).line()).isEqualTo(line));
    }

    @Test
    void refusesTextThatIsNotUtf8AtItsLine() {
        byte[] latin1 = "1\n00:00:01,000 --> 00:00:02,000\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SubtitleParser.parse(latin1))
                .isInstanceOf(SubtitleFormatException.class)
                .hasMessageStartingWith("line 3: not UTF-8");
    }

    @Test
    void refusesACueLongerThanTheLimitAtItsTextLine() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\nshort\n\n2\n00:00:02,000 --> 00:00:09,000\n";
        assertThatThrownBy(() -> SubtitleParser.parse(srt + "ആ".repeat(SubtitleParser.MAX_CUE_CHARS + 1) + "\n"))
                .isInstanceOf(SubtitleFormatException.class)
                .hasMessage("line 7: cue 2 has " + (SubtitleParser.MAX_CUE_CHARS + 1) + " characters; the limit is "
                        + SubtitleParser.MAX_CUE_CHARS);
        assertThatCode(() -> SubtitleParser.parse(srt + "ആ".repeat(SubtitleParser.MAX_CUE_CHARS) + "\n"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesMoreCuesThanTheLimit() {
        assertThatCode(() -> SubtitleParser.parse(oneSecondCues(SubtitleParser.MAX_CUES)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SubtitleParser.parse(oneSecondCues(SubtitleParser.MAX_CUES + 1)))
                .isInstanceOf(SubtitleFormatException.class)
                .hasMessageEndingWith("more than " + SubtitleParser.MAX_CUES + " cues");
    }

    private static String oneSecondCues(int n) {
        return SrtWriter.write(IntStream.range(0, n)
                .mapToObj(k -> new Cue(k + 1, k * 1000L, k * 1000L + 1000, "word", null))
                .toList());
    }

    @Test
    void srtWriterRoundTrips() throws Exception {
        List<Cue> cues = List.of(
                new Cue(1, 0, 1250, "ഇന്ന് ₹1,500 ചെലവായി.", null),
                new Cue(2, 1250, 4000, "two\nlines", null),
                new Cue(3, 3_600_000, 3_600_001, "an hour in", null));
        String written = SrtWriter.write(cues);
        assertThat(written).startsWith("1\r\n00:00:00,000 --> 00:00:01,250\r\n");
        assertThat(SubtitleParser.parse(written.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(cues);
    }
}
