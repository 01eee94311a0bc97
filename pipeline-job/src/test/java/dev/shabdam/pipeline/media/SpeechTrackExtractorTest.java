package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpeechTrackExtractorTest {
    private final SpeechTrackExtractor extractor = new SpeechTrackExtractor();

    @Test
    void mp4GivesSpeechTrackAndOriginalAudio(@TempDir Path dir) throws Exception {
        Path mp4 = TestMedia.mp4(dir.resolve("v.mp4"), 3.0);
        SpeechTracks tracks = extractor.extract(mp4.toFile());
        assertThat(tracks.speech().sampleRate()).isEqualTo(16_000);
        assertThat(tracks.speech().channelCount()).isEqualTo(1);
        // AAC frames are 1024 samples: the track may end up to one frame (23 ms) off the video's 3 s
        assertThat(tracks.speech().durationSec()).isCloseTo(3.0, within(0.05));
        assertThat(tracks.original().sampleRate()).isEqualTo(44_100);
        assertThat(tracks.original().channelCount()).isEqualTo(1);
        assertThat(tracks.original().durationSec()).isCloseTo(tracks.speech().durationSec(), within(0.01));
    }

    @Test
    void stereoWavKeepsItsRateAndChannelsInTheOriginal(@TempDir Path dir) throws Exception {
        Path wav = TestMedia.wav(dir.resolve("s.wav"), 48_000, 2, 2.5, 300);
        SpeechTracks tracks = extractor.extract(wav.toFile());
        assertThat(tracks.speech().sampleRate()).isEqualTo(16_000);
        assertThat(tracks.speech().channelCount()).isEqualTo(1);
        assertThat(tracks.speech().frames()).isCloseTo(40_000, within(16));
        assertThat(tracks.original().sampleRate()).isEqualTo(48_000);
        assertThat(tracks.original().channelCount()).isEqualTo(2);
        assertThat(tracks.original().frames()).isEqualTo(120_000);
    }
}
