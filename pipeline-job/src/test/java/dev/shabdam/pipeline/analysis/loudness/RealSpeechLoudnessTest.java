package dev.shabdam.pipeline.analysis.loudness;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shabdam.pipeline.analysis.AnalysisOptions;
import dev.shabdam.pipeline.analysis.AnalysisResult;
import dev.shabdam.pipeline.analysis.Fixtures;
import dev.shabdam.pipeline.analysis.VoiceAnalyzer;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.testsupport.CommandLineTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Our integrated loudness of real speech against FFmpeg's ebur128 filter, run side by side. */
class RealSpeechLoudnessTest {
    private static final File JFK = new File("/work/shared/samples/jfk.flac");

    @Test
    void integratedLoudnessMatchesFfmpeg(@TempDir Path dir) throws Exception {
        assumeTrue(CommandLineTool.FFMPEG.available(), "ffmpeg CLI is not installed: nothing to compare against");
        File speech = JFK.isFile() ? JFK : Fixtures.espeakSpeech(dir, 20);
        assumeTrue(speech != null, "neither " + JFK + " nor espeak-ng is available");
        double ffmpeg = Fixtures.ffmpegIntegratedLufs(speech);
        DecodedAudio audio = new AudioDecoder().decode(speech);
        AnalysisResult result = new VoiceAnalyzer().analyze(audio, AnalysisOptions.DEFAULT);
        System.out.printf(
                "%s: ours %.3f LUFS, ffmpeg %.1f LUFS%n",
                speech.getName(), result.loudness().integratedLufs(), ffmpeg);
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        // ffmpeg prints one decimal, so the comparison carries its ±0.05 rounding
        assertThat(result.loudness().integratedLufs()).isCloseTo(ffmpeg, within(0.1));
    }
}
