package dev.shabdam.speech.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every case in src/test/resources/synthesis/cases/*.tsv (format in the README there). */
class NormalizerCasesTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.fromClasspath();

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(
                        NormalizerCasesTest.class.getClassLoader().getResource("synthesis/cases"))
                .toURI());
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                String name = file.getFileName().toString();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t");
                    cases.add(Arguments.of(name, cells[0].replace("\\n", "\n"), cells[1]));
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(100);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void normalises(String file, String input, String expected) {
        Language language = Language.fromCode(file.substring(0, file.indexOf('-')));
        NormalizedText result = NORMALIZER.normalize(input, language);
        if (file.endsWith("-sentences.tsv")) {
            assertThat(result.sentences()).containsExactly(expected.split(" \\| "));
        } else if (file.endsWith("-segments.tsv")) {
            List<String> segments = result.segments().stream()
                    .map(s -> s.language().name() + ":" + s.text())
                    .toList();
            assertThat(segments).containsExactlyElementsOf(Arrays.asList(expected.split(" \\| ")));
        } else {
            assertThat(result.normalized()).isEqualTo(expected);
        }
    }
}
