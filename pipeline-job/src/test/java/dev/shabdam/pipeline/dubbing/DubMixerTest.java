package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.dubbing.Fit.Fitted;
import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioSink;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Distinct frequencies tell the parts apart: 220 Hz background, 1 kHz original speech, 2.5 kHz dub,
 * each measured by Goertzel over whole windows.
 */
class DubMixerTest {
    private static final int RATE = 48000;
    private static final double SECONDS = 10;
    private static final long[][] SLOTS = {{2000, 4000}, {6000, 8000}};
    private final LoudnessMeter meter = new LoudnessMeter();

    @Test
    void ducksTheOriginalUnderTheDubAndLeavesTheBackgroundAlone() {
        DecodedAudio original = original(0.05, 0.2);
        DecodedAudio mixed = DubMixer.standard().mix(original, dub(0.2));

        assertThat(mixed.sampleRate()).isEqualTo(RATE);
        assertThat(mixed.channelCount()).isEqualTo(2);
        for (long[] slot : SLOTS) {
            long from = slot[0] + 200;
            long to = slot[1] - 200;
            for (int c = 0; c < 2; c++) {
                assertThat(level(original, c, 1000, from, to) - level(mixed, c, 1000, from, to))
                        .as("original speech under the dub")
                        .isGreaterThanOrEqualTo(15);
                assertThat(level(original, c, 220, from, to) - level(mixed, c, 220, from, to))
                        .as("background under the dub")
                        .isGreaterThanOrEqualTo(15);
                assertThat(level(mixed, c, 2500, from, to))
                        .as("the dub")
                        .isGreaterThan(level(mixed, c, 1000, from, to) + 15);
            }
        }
        for (long[] gap : new long[][] {{200, 1800}, {4300, 5700}, {8300, 9800}}) {
            assertThat(level(mixed, 0, 220, gap[0], gap[1]))
                    .as("background between lines")
                    .isCloseTo(level(original, 0, 220, gap[0], gap[1]), within(0.5));
        }
        assertThat(maxAbs(mixed)).isLessThanOrEqualTo(1f);
        assertThat(meter.measure(mixed).integratedLufs())
                .isCloseTo(meter.measure(original).integratedLufs(), within(0.5));
    }

    @Test
    void aDubAtTheEnginesRateIsResampledToTheOriginals() {
        int engineRate = 22_050;
        List<Fitted> dub = Arrays.stream(SLOTS)
                .map(s -> {
                    float[] speech = new float[(int) ((s[1] - s[0]) * engineRate / 1000)];
                    for (int i = 0; i < speech.length; i++) {
                        speech[i] = (float) (0.2 * Math.sin(2 * Math.PI * 2500 * i / engineRate));
                    }
                    return new Fitted(new Audio(speech, engineRate), s[0], s[1], 1.0, Strategy.PAD);
                })
                .toList();

        DecodedAudio mixed = DubMixer.standard().mix(original(0.05, 0.2), dub);

        assertThat(mixed.sampleRate()).isEqualTo(RATE);
        for (long[] slot : SLOTS) {
            assertThat(level(mixed, 0, 2500, slot[0] + 200, slot[1] - 200))
                    .as("the dub, still at 2.5 kHz after resampling")
                    .isGreaterThan(level(mixed, 0, 1000, slot[0] + 200, slot[1] - 200) + 15);
        }
    }

    @Test
    void aLoudDubOverALoudOriginalNeverClips() {
        DecodedAudio original = original(0.4, 0.5);
        DecodedAudio mixed = DubMixer.standard().mix(original, dub(0.99));
        assertThat(maxAbs(mixed)).isLessThanOrEqualTo(1f);
        assertThat(meter.measure(mixed).truePeakDbtp()).isLessThanOrEqualTo(DubMixer.DEFAULT_CEILING_DBTP + 0.01);
        assertThat(meter.measure(mixed).integratedLufs())
                .isCloseTo(meter.measure(original).integratedLufs(), within(0.5));
    }

    @Test
    void monoStaysMonoAndTheDubGoesToTheCentreOfSurround() {
        assertThat(DubMixer.dubPan(1)).containsExactly(1);
        assertThat(DubMixer.dubPan(6)).containsExactly(0, 0, 1, 0, 0, 0);
        float[] tone = tone(220, 0.1, 0, (long) (SECONDS * 1000));
        DecodedAudio mixed = DubMixer.standard().mix(DecodedAudio.mono(RATE, tone), dub(0.1));
        assertThat(mixed.channelCount()).isEqualTo(1);
        assertThat(mixed.frames()).isEqualTo(tone.length);
    }

    @Test
    void theMixIsTheSameWhateverTheBlocksTheOriginalComesIn() throws Exception {
        DecodedAudio original = original(0.4, 0.5);
        DecodedAudio inMemory = DubMixer.standard().mix(original, dub(0.99));
        List<DecodedAudio> written = new ArrayList<>();

        DubMixer.standard()
                .mix(() -> original.blocks(1_001), lines(dub(0.99), new ArrayList<>()), collectInto(written));

        assertThat(DecodedAudio.concat(RATE, 2, written).channels()).isDeepEqualTo(inMemory.channels());
    }

    @Test
    void aLineIsLoadedOnlyWhenAPassReachesItAndEachPassLoadsItAgain() throws Exception {
        DecodedAudio original = original(0.05, 0.2);
        List<String> seen = new ArrayList<>();
        AudioBlocks.Source watched = () -> {
            AudioBlocks blocks = original.blocks(RATE);
            return new AudioBlocks() {
                private long at;

                @Override
                public int sampleRate() {
                    return RATE;
                }

                @Override
                public int channelCount() {
                    return 2;
                }

                @Override
                public DecodedAudio next() throws MediaDecodeException, JobTimeoutException {
                    DecodedAudio block = blocks.next();
                    if (block != null) {
                        seen.add("second " + at / RATE);
                        at += block.frames();
                    }
                    return block;
                }

                @Override
                public void close() {
                    seen.add("end");
                }
            };
        };

        DubMixer.standard().mix(watched, lines(dub(0.2), seen), collectInto(new ArrayList<>()));

        // each pass: the line that starts at 2 s is loaded with the block of second 2, the one at 6 s with second 6
        List<String> pass = List.of(
                "second 0",
                "second 1",
                "second 2",
                "line at 2000 ms",
                "second 3",
                "second 4",
                "second 5",
                "second 6",
                "line at 6000 ms",
                "second 7",
                "second 8",
                "second 9",
                "end");
        assertThat(seen)
                .hasSizeGreaterThanOrEqualTo(3 * pass.size())
                .isEqualTo(Collections.nCopies(seen.size() / pass.size(), pass).stream()
                        .flatMap(List::stream)
                        .toList());
    }

    @Test
    void aWritingPassThatFailsAbandonsItsTargetUnfinished() {
        DecodedAudio original = original(0.05, 0.2);
        int[] opened = new int[1];
        AudioBlocks.Source failingInTheWritingPass = () -> {
            AudioBlocks blocks = original.blocks(RATE);
            boolean writing = ++opened[0] == 3; // two measuring passes, then the first that writes
            return new AudioBlocks() {
                private int handed;

                @Override
                public int sampleRate() {
                    return RATE;
                }

                @Override
                public int channelCount() {
                    return 2;
                }

                @Override
                public DecodedAudio next() throws MediaDecodeException, JobTimeoutException {
                    if (writing && ++handed > 2) {
                        throw new JobTimeoutException("the deadline passed mid-mix");
                    }
                    return blocks.next();
                }

                @Override
                public void close() {}
            };
        };
        List<String> target = new ArrayList<>();
        DubMixer.MixTarget watched = (rate, channels, frames) -> new AudioSink() {
            @Override
            public void write(DecodedAudio block) {
                target.add("block");
            }

            @Override
            public void finish() {
                target.add("finish");
            }

            @Override
            public void close() {
                target.add("close");
            }
        };

        assertThatThrownBy(() ->
                        DubMixer.standard().mix(failingInTheWritingPass, lines(dub(0.2), new ArrayList<>()), watched))
                .isInstanceOf(JobTimeoutException.class);
        assertThat(opened[0]).isEqualTo(3);
        assertThat(target)
                .as("closed, never finished: nothing padded or encoded for a file thrown away")
                .endsWith("close")
                .doesNotContain("finish");
    }

    /** Lines that load their audio from memory, noting each load in {@code loads}. */
    private static List<DubMixer.Line> lines(List<Fitted> dub, List<String> loads) {
        return dub.stream()
                .map(line -> new DubMixer.Line(
                        line.startMs(),
                        line.audio().samples().length,
                        line.audio().sampleRate(),
                        () -> {
                            loads.add("line at " + line.startMs() + " ms");
                            return line.audio().samples();
                        }))
                .toList();
    }

    /** A target that keeps what the last pass that wrote wrote. */
    private static DubMixer.MixTarget collectInto(List<DecodedAudio> written) {
        return (rate, channels, frames) -> {
            written.clear();
            return new AudioSink() {
                @Override
                public void write(DecodedAudio block) {
                    written.add(block);
                }

                @Override
                public void close() {}
            };
        };
    }

    private static DecodedAudio original(double background, double speech) {
        float[] x = tone(220, background, 0, (long) (SECONDS * 1000));
        for (long[] slot : SLOTS) {
            float[] words = tone(1000, speech, slot[0], slot[1]);
            int at = (int) (slot[0] * RATE / 1000);
            for (int i = 0; i < words.length; i++) {
                x[at + i] += words[i];
            }
        }
        return new DecodedAudio(RATE, new float[][] {x, x.clone()});
    }

    private static List<Fitted> dub(double amplitude) {
        return Arrays.stream(SLOTS)
                .map(s -> new Fitted(new Audio(tone(2500, amplitude, s[0], s[1]), RATE), s[0], s[1], 1.0, Strategy.PAD))
                .toList();
    }

    /** A sine from {@code fromMs} to {@code toMs}, phase measured from 0 so pieces of one tone line up. */
    private static float[] tone(double hz, double amplitude, long fromMs, long toMs) {
        int first = (int) (fromMs * RATE / 1000);
        float[] x = new float[(int) (toMs * RATE / 1000) - first];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * (first + i) / RATE));
        }
        return x;
    }

    /** Power at {@code hz} over a window, in dB (Goertzel). */
    private static double level(DecodedAudio audio, int channel, double hz, long fromMs, long toMs) {
        float[] x = audio.channels()[channel];
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / RATE);
        double s1 = 0;
        double s2 = 0;
        int from = (int) (fromMs * RATE / 1000);
        int to = (int) (toMs * RATE / 1000);
        for (int i = from; i < to; i++) {
            double s = x[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 10 * Math.log10(power / ((double) (to - from) * (to - from)));
    }

    private static float maxAbs(DecodedAudio audio) {
        float max = 0;
        for (float[] channel : audio.channels()) {
            for (float s : channel) {
                max = Math.max(max, Math.abs(s));
            }
        }
        return max;
    }
}
