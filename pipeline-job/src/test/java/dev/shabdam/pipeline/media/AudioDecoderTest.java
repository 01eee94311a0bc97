package dev.shabdam.pipeline.media;

import dev.shabdam.pipeline.jobs.JobDeadline;
import dev.shabdam.pipeline.jobs.JobFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AudioDecoderTest {
    private final AudioDecoder decoder = new AudioDecoder();

    /** Channel c carries a sine at (c + 1) × 250 Hz, so a swapped or mixed channel shows. */
    private static DecodedAudio tones(int rate, int channels, double seconds) {
        float[][] x = new float[channels][(int) (rate * seconds)];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] = (float) (0.5 * Math.sin(2 * Math.PI * 250 * (c + 1) * i / rate));
            }
        }
        return new DecodedAudio(rate, x);
    }

    @ParameterizedTest(name = "{0}, {1} channel(s), {2} Hz")
    @CsvSource({
        "PCM_16, 1, 16000",
        "PCM_16, 2, 44100",
        "PCM_16, 6, 48000",
        "FLOAT_32, 1, 22050",
        "FLOAT_32, 2, 48000",
        "FLOAT_32, 6, 48000"
    })
    void decodesWavWrittenInJava(WavWriter.Encoding encoding, int channels, int rate, @TempDir Path dir)
            throws Exception {
        DecodedAudio original = tones(rate, channels, 1.0);
        Path wav = dir.resolve("t.wav");
        WavWriter.write(wav, original, encoding);
        DecodedAudio decoded = decoder.decode(wav.toFile());
        assertThat(decoded.sampleRate()).isEqualTo(rate);
        assertThat(decoded.channelCount()).isEqualTo(channels);
        assertThat(decoded.frames()).isEqualTo(original.frames());
        double tolerance = encoding == WavWriter.Encoding.PCM_16 ? 1.0 / 32768 : 1e-7;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < original.frames(); i += 97) {
                assertThat(decoded.channels()[c][i]).isCloseTo(original.channels()[c][i], within((float) tolerance));
            }
        }
    }

    @Test
    void resamplesAndMixesToSpeechFormat(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("t.wav");
        WavWriter.write(wav, tones(48000, 2, 2.0), WavWriter.Encoding.PCM_16);
        DecodedAudio decoded = decoder.decode(wav.toFile(), 16000, 1);
        assertThat(decoded.sampleRate()).isEqualTo(16000);
        assertThat(decoded.channelCount()).isEqualTo(1);
        assertThat(decoded.durationSec()).isCloseTo(2.0, within(0.02));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"flac, flac", "mp3, libmp3lame", "m4a, aac"})
    void decodesCompressedFormatsMadeByFfmpeg(String extension, String codec, @TempDir Path dir) throws Exception {
        assumeTrue(ffmpegAvailable(), "ffmpeg CLI is not installed: cannot make a " + extension + " file");
        Path wav = dir.resolve("t.wav");
        WavWriter.write(wav, tones(44100, 2, 2.0), WavWriter.Encoding.PCM_16);
        File encoded = dir.resolve("t." + extension).toFile();
        Process p = new ProcessBuilder(List.of(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-i",
                        wav.toString(),
                        "-c:a",
                        codec,
                        encoded.getPath()))
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor() == 0, "this ffmpeg cannot encode " + codec + ": " + log);
        DecodedAudio decoded = decoder.decode(encoded);
        assertThat(decoded.channelCount()).isEqualTo(2);
        assertThat(decoded.sampleRate()).isEqualTo(44100);
        // lossy codecs add priming samples and padding: the duration is close, not exact
        assertThat(decoded.durationSec()).isCloseTo(2.0, within(0.1));
        double rms = 0;
        for (float v : decoded.channels()[0]) {
            rms += v * v;
        }
        assertThat(Math.sqrt(rms / decoded.frames())).isCloseTo(0.5 / Math.sqrt(2), within(0.02));
    }

    @Test
    void garbageIsRefusedWithReason(@TempDir Path dir) throws IOException {
        Path garbage = dir.resolve("garbage.wav");
        byte[] bytes = new byte[10000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        assertThatThrownBy(() -> decoder.decode(garbage.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageContaining("not a readable audio");
    }

    @Test
    void emptyAndMissingFilesAreRefused(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp3"));
        assertThatThrownBy(() -> decoder.decode(empty.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> decoder.decode(dir.resolve("nope.wav").toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void videoWithoutAudioIsRefused(@TempDir Path dir) throws Exception {
        assumeTrue(ffmpegAvailable(), "ffmpeg CLI is not installed: cannot make a silent video");
        File video = dir.resolve("v.mkv").toFile();
        Process p = new ProcessBuilder(List.of(
                        "ffmpeg",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=64x64:rate=5:duration=1",
                        "-c:v",
                        "ffv1",
                        video.getPath()))
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor() == 0, "ffmpeg could not make the video: " + log);
        assertThatThrownBy(() -> decoder.decode(video))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageContaining("no audio");
    }

    @Test
    void refusesAudioLongerThanTheLimit(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("t.wav");
        WavWriter.write(wav, tones(8000, 1, 3.0), WavWriter.Encoding.PCM_16);
        assertThatThrownBy(() -> new AudioDecoder(2.0).decode(wav.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void handsOutBoundedBlocksThatMakeUpTheWhole(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("t.wav");
        DecodedAudio original = tones(44_100, 2, 3.5);
        WavWriter.write(wav, original, WavWriter.Encoding.FLOAT_32);
        List<DecodedAudio> blocks = new java.util.ArrayList<>();
        try (AudioBlocks audio = decoder.open(wav.toFile())) {
            assertThat(audio.sampleRate()).isEqualTo(44_100);
            assertThat(audio.channelCount()).isEqualTo(2);
            for (DecodedAudio block; (block = audio.next()) != null; ) {
                blocks.add(block);
            }
        }
        assertThat(blocks)
                .hasSizeGreaterThan(2)
                .allSatisfy(block -> assertThat(block.frames()).isLessThanOrEqualTo(FfmpegAudioBlocks.BLOCK_FRAMES));
        DecodedAudio joined = DecodedAudio.concat(44_100, 2, blocks);
        assertThat(joined.channels()).isDeepEqualTo(decoder.decode(wav.toFile()).channels());
        assertThat(joined.channels()).isDeepEqualTo(original.channels());
    }

    @Test
    void stopsReadingAtTheLimitWithMediaTooLong(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("t.wav");
        WavWriter.write(wav, tones(8000, 1, 3.0), WavWriter.Encoding.PCM_16);
        try (AudioBlocks audio = new AudioDecoder(2.0).open(wav.toFile())) {
            assertThatThrownBy(() -> {
                        while (audio.next() != null) {
                            // read on: the limit stops it, not the end of the file
                        }
                    })
                    .isInstanceOf(MediaTooLongException.class)
                    .hasMessageContaining("longer than the 2 s");
        }
        assertThat(JobFailures.describe(new MediaTooLongException("long"), "test")
                        .code())
                .isEqualTo("media_too_long");
    }

    @Test
    void aJobPastItsDeadlineStopsAtTheNextBlock(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("t.wav");
        WavWriter.write(wav, tones(8000, 1, 1.0), WavWriter.Encoding.PCM_16);
        try (AudioBlocks audio = decoder.open(wav.toFile());
                JobDeadline deadline = JobDeadline.start(Duration.ofNanos(-1))) { // passed already
            assertThatThrownBy(audio::next).isInstanceOf(JobDeadline.JobTimeoutException.class);
        }
    }

    private static boolean ffmpegAvailable() {
        return new File("/usr/bin/ffmpeg").canExecute() || new File("/usr/local/bin/ffmpeg").canExecute();
    }
}
