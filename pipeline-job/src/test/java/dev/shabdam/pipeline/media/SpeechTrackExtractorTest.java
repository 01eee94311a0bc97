package dev.shabdam.pipeline.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpeechTrackExtractorTest {
    private final SpeechTrackExtractor extractor = new SpeechTrackExtractor();

    @Test
    void mp4GivesSpeechTrackAndOriginalAudio(@TempDir Path dir) throws Exception {
        Path mp4 = TestMedia.mp4(dir.resolve("v.mp4"), 3.0);
        DecodedAudio speech = readAll(extractor.speech(mp4.toFile()));
        DecodedAudio original = readAll(new AudioDecoder().open(mp4.toFile()));
        assertThat(speech.sampleRate()).isEqualTo(16_000);
        assertThat(speech.channelCount()).isEqualTo(1);
        // AAC frames are 1024 samples: the track may end up to one frame (23 ms) off the video's 3 s
        assertThat(speech.durationSec()).isCloseTo(3.0, within(0.05));
        assertThat(original.sampleRate()).isEqualTo(44_100);
        assertThat(original.channelCount()).isEqualTo(1);
        assertThat(original.durationSec()).isCloseTo(speech.durationSec(), within(0.01));
    }

    @Test
    void stereoWavKeepsItsRateAndChannelsInTheOriginal(@TempDir Path dir) throws Exception {
        Path wav = TestMedia.wav(dir.resolve("s.wav"), 48_000, 2, 2.5, 300);
        DecodedAudio speech = readAll(extractor.speech(wav.toFile()));
        DecodedAudio original = readAll(new AudioDecoder().open(wav.toFile()));
        assertThat(speech.sampleRate()).isEqualTo(16_000);
        assertThat(speech.channelCount()).isEqualTo(1);
        assertThat(speech.frames()).isCloseTo(40_000, within(16));
        assertThat(original.sampleRate()).isEqualTo(48_000);
        assertThat(original.channelCount()).isEqualTo(2);
        assertThat(original.frames()).isEqualTo(120_000);
    }

    /** Every block of a track, joined: the blocks together are the whole track. */
    private static DecodedAudio readAll(AudioBlocks track) throws Exception {
        try (track) {
            List<DecodedAudio> blocks = new ArrayList<>();
            for (DecodedAudio block; (block = track.next()) != null; ) {
                assertThat(block.sampleRate()).isEqualTo(track.sampleRate());
                blocks.add(block);
            }
            return DecodedAudio.concat(track.sampleRate(), track.channelCount(), blocks);
        }
    }
}
