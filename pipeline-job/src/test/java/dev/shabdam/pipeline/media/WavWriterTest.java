package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

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
            sink.finish();
        }
        assertThat(Files.readAllBytes(blocks)).isEqualTo(Files.readAllBytes(whole));
    }

    @Test
    void aFileThatGotFewerFramesThanItsHeaderDeclaresIsAnError(@TempDir Path dir) throws Exception {
        AudioSink sink = WavWriter.open(dir.resolve("short.wav"), RATE, 2, WavWriter.Encoding.PCM_16, 1000);
        sink.write(stereo(999));
        assertThatThrownBy(sink::finish)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("declares 1000 frames but got 999");
        sink.close();
    }

    @Test
    void audioBeyondFourGigabytesIsDeclaredAsRf64() {
        long frames = 4L * 3600 * 48_000; // four hours of 5.1: 8.3 GB of 16-bit samples
        long dataBytes = frames * 6 * 2;
        ByteBuffer header = ByteBuffer.wrap(WavWriter.header(48_000, 6, WavWriter.Encoding.PCM_16, dataBytes))
                .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(new String(header.array(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RF64");
        assertThat(new String(header.array(), 12, 4, StandardCharsets.US_ASCII)).isEqualTo("ds64");
        assertThat(header.getLong(28)).as("ds64 data size").isEqualTo(dataBytes);
        assertThat(header.getLong(36)).as("ds64 sample count").isEqualTo(frames);
        assertThat(header.getInt(header.capacity() - 4))
                .as("the data chunk's own size: all ones")
                .isEqualTo(-1);
        assertThat(new String(
                        WavWriter.header(48_000, 6, WavWriter.Encoding.PCM_16, WavWriter.MAX_RIFF_DATA_BYTES),
                        0,
                        4,
                        StandardCharsets.US_ASCII))
                .as("up to the RIFF limit, plain RIFF")
                .isEqualTo("RIFF");
    }

    @Test
    void ffmpegReadsTheRf64LayoutAsTheSameAudio(@TempDir Path dir) throws Exception {
        DecodedAudio audio = stereo(10_000);
        Path riff = dir.resolve("riff.wav");
        WavWriter.write(riff, audio, WavWriter.Encoding.PCM_16);
        byte[] samples = Arrays.copyOfRange(Files.readAllBytes(riff), 44, (int) Files.size(riff));
        Path rf64 = dir.resolve("rf64.wav");
        Files.write(rf64, WavWriter.header(RATE, 2, WavWriter.Encoding.PCM_16, samples.length, true));
        Files.write(rf64, samples, StandardOpenOption.APPEND);

        DecodedAudio read = new AudioDecoder().decode(rf64.toFile());

        assertThat(read.sampleRate()).isEqualTo(RATE);
        assertThat(read.channels())
                .isDeepEqualTo(new AudioDecoder().decode(riff.toFile()).channels());
    }
}
