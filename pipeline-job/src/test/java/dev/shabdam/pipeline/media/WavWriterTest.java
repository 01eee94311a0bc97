package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavWriterTest {
    private static final int RATE = 22_050;

    private static DecodedAudio stereo(int frames) {
        float[][] x = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            x[0][i] = (float) Math.sin(i * 0.05);
            x[1][i] = (float) Math.cos(i * 0.03) * 0.5f;
        }
        return new DecodedAudio(RATE, x);
    }

    @Test
    void blockByBlockWritesTheSameFileAsAllAtOnce(@TempDir Path dir) throws Exception {
        DecodedAudio audio = stereo(30_001);
        Path whole = dir.resolve("whole.wav");
        Path blocks = dir.resolve("blocks.wav");
        WavWriter.write(whole, audio, WavWriter.Encoding.PCM_16);
        try (AudioSink sink = WavWriter.open(blocks, RATE, 2, WavWriter.Encoding.PCM_16, audio.frames());
             AudioBlocks source = audio.blocks(4_096)) {
            for (DecodedAudio block; (block = source.next()) != null; ) {
                sink.write(block);
            }
        }
        assertThat(Files.readAllBytes(blocks)).isEqualTo(Files.readAllBytes(whole));
    }

    @Test
    void aFileThatGotFewerFramesThanItsHeaderDeclaresIsAnError(@TempDir Path dir) throws Exception {
        AudioSink sink = WavWriter.open(dir.resolve("short.wav"), RATE, 2, WavWriter.Encoding.PCM_16, 1000);
        sink.write(stereo(999));
        assertThatThrownBy(sink::close).isInstanceOf(IOException.class).hasMessageContaining("declares 1000 frames but got 999");
    }
}
