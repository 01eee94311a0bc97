package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FfmpegMediaProbeTest {
    @TempDir
    static Path dir;

    static Path mp4;

    private final MediaProbe probe = new FfmpegMediaProbe();

    @BeforeAll
    static void makeMp4() throws Exception {
        mp4 = TestMedia.mp4(dir.resolve("clip.mp4"), 2.0);
    }

    @Test
    void readsMonoWav() throws Exception {
        ProbeResult result = probe.probe(
                TestMedia.wav(dir.resolve("mono.wav"), 16_000, 1, 1.5, 440).toFile());

        assertThat(result.durationSec()).isCloseTo(1.5, within(0.01));
        assertThat(result.sampleRateHz()).isEqualTo(16_000);
        assertThat(result.channels()).isEqualTo(1);
        assertThat(result.formatName()).isEqualTo("wav");
        // FFmpeg counts the header into the rate: 16 kHz × 16 bit, plus a little
        assertThat(result.bitRate()).isBetween(256_000L, 257_000L);
        assertThat(result.streams())
                .containsExactly(new StreamInfo(0, "audio", "pcm_s16le", 16_000, 1, null, null, null));
    }

    @Test
    void readsStereoWav() throws Exception {
        ProbeResult result = probe.probe(
                TestMedia.wav(dir.resolve("stereo.wav"), 48_000, 2, 0.75, 1000).toFile());

        assertThat(result.durationSec()).isCloseTo(0.75, within(0.01));
        assertThat(result.sampleRateHz()).isEqualTo(48_000);
        assertThat(result.channels()).isEqualTo(2);
    }

    @Test
    void readsVideoWithAudio() throws Exception {
        ProbeResult result = probe.probe(mp4.toFile());

        assertThat(result.formatName()).contains("mp4");
        assertThat(result.durationSec()).isCloseTo(2.0, within(0.1));
        assertThat(result.sampleRateHz()).isEqualTo(44_100);
        assertThat(result.channels()).isEqualTo(1);
        StreamInfo video = result.streams().stream()
                .filter(s -> s.type().equals("video"))
                .findFirst()
                .orElseThrow();
        assertThat(video.codec()).isEqualTo("mpeg4");
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(240);
        assertThat(video.frameRate()).isCloseTo(25.0, within(0.01));
        assertThat(video.sampleRateHz()).isNull();
        assertThat(result.streams()).extracting(StreamInfo::type).containsExactlyInAnyOrder("video", "audio");
        assertThat(result.streams())
                .filteredOn(s -> s.type().equals("audio"))
                .extracting(StreamInfo::codec)
                .containsExactly("aac");
    }

    @Test
    void refusesTruncatedMp4() throws Exception {
        Path truncated = TestMedia.firstHalf(mp4, dir.resolve("truncated.mp4"));

        assertThatThrownBy(() -> probe.probe(truncated.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageContaining("cut short so that its index is lost")
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void refusesFileWhoseFramesDoNotDecode() throws Exception {
        Path broken = TestMedia.mp4WithNoiseForData(mp4, dir.resolve("noise.mp4"));

        assertThatThrownBy(() -> probe.probe(broken.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessage("no audio or video frame in the file can be decoded (the data is corrupt)");
    }

    @Test
    void refusesRandomBytes() throws Exception {
        Path noise = TestMedia.randomBytes(dir.resolve("noise.bin"), 64 * 1024, 42);

        assertThatThrownBy(() -> probe.probe(noise.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessageStartingWith("not a readable audio or video file")
                .hasMessageContaining("Invalid data found when processing input");
    }

    @Test
    void refusesEmptyFile() throws Exception {
        Path empty = TestMedia.empty(dir.resolve("empty.wav"));

        assertThatThrownBy(() -> probe.probe(empty.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessage("the file is empty");
    }

    @Test
    void refusesFileWithoutAudioOrVideo() throws Exception {
        Path srt = TestMedia.subtitles(dir.resolve("lines.srt"));

        assertThatThrownBy(() -> probe.probe(srt.toFile()))
                .isInstanceOf(MediaDecodeException.class)
                .hasMessage("the file has no audio or video stream");
    }

    @Test
    void probesFromManyThreadsAtOnce() throws Exception {
        List<Path> files = List.of(
                TestMedia.wav(dir.resolve("t1.wav"), 8_000, 1, 0.5, 300),
                TestMedia.wav(dir.resolve("t2.wav"), 22_050, 2, 0.5, 300),
                TestMedia.wav(dir.resolve("t3.wav"), 44_100, 1, 0.5, 300),
                mp4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProbeResult>> results = pool.invokeAll(files.stream()
                    .<Callable<ProbeResult>>map(f -> () -> probe.probe(f.toFile()))
                    .toList());
            assertThat(results).extracting(f -> f.get().sampleRateHz()).containsExactly(8_000, 22_050, 44_100, 44_100);
        } finally {
            pool.shutdownNow();
        }
    }
}
