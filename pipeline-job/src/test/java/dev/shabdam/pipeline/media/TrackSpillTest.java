package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TrackSpillTest {
    @Test
    void givesBackAnyStretchOfWhatWasAppendedAndDeletesItsFile() throws Exception {
        float[] x = new float[100_003];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.001) * (i % 7);
        }
        Set<Path> before = spills();
        try (TrackSpill spill = TrackSpill.create()) {
            assertThat(spills()).hasSize(before.size() + 1);
            for (int from = 0; from < x.length; from += 9_999) {
                spill.append(x, from, Math.min(x.length, from + 9_999));
            }
            assertThat(spill.length()).isEqualTo(x.length);
            assertThat(spill.read(0, 5)).isEqualTo(Arrays.copyOfRange(x, 0, 5));
            // across the write buffer's edge, and the unflushed tail
            assertThat(spill.read(16_380, 10)).isEqualTo(Arrays.copyOfRange(x, 16_380, 16_390));
            assertThat(spill.read(x.length - 3, 3)).isEqualTo(Arrays.copyOfRange(x, x.length - 3, x.length));
            spill.append(new float[] {42f}, 0, 1);
            assertThat(spill.read(x.length, 1)).containsExactly(42f);
        }
        assertThat(spills()).isEqualTo(before);
    }

    private static Set<Path> spills() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("shabdam-track-"))
                    .collect(Collectors.toSet());
        }
    }
}
