package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.analysis.dsp.Resampler;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.analysis.loudness.TruePeakMeter;
import dev.shabdam.pipeline.dubbing.Fit.Fitted;
import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioSink;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lays the fitted dub over the original track, keeping its music and ambience:
 * <ol>
 *   <li>the dub is levelled to the original's loudness over the dubbed spans, so that the dub
 *       replaces the original speech at the level it had and the final gain below stays near 0 dB
 *       (a gain there would move the background between lines too);</li>
 *   <li>the original is ducked by {@code duckDb} under each line ({@link DuckingEnvelope}) and left
 *       untouched between lines, and the dub is added: on the one channel of mono, on the front
 *       pair of stereo and quad, on the front centre (FFmpeg order FL FR FC …) of layouts that have one;</li>
 *   <li>the mix is brought to the original's integrated loudness (BS.1770, {@link LoudnessMeter}) through a
 *       look-ahead {@link PeakLimiter} whose ceiling sits {@value #INTERSAMPLE_MARGIN_DB} dB under
 *       the true-peak ceiling; should the true peak still pass it (inter-sample peaks), one static
 *       trim brings it down.</li>
 * </ol>
 * Each step needs a number the one before measured over the whole track, so the mix is made in passes
 * over the original, each reading it block by block from the start ({@link AudioBlocks.Source}: a
 * file decodes the same way each time): one measures the original's loudness and the levelling, one
 * the loudness of the ducked mix, one limits it and writes it to the {@link MixTarget} while measuring
 * its true peak, and only if that passes the ceiling one more writes it again, trimmed. Memory: a
 * block, the look-ahead window, the per-100-ms loudness of the passes, and the dubbed lines that
 * overlap the current block ({@link Line}s are loaded when a pass reaches them and dropped behind it);
 * never the track.
 */
public final class DubMixer {
    public static final double DEFAULT_DUCK_DB = 20;
    public static final double DEFAULT_RAMP_MS = 75;
    public static final double DEFAULT_CEILING_DBTP = -1;
    static final double INTERSAMPLE_MARGIN_DB = 1;
    /** Blocks that audio in memory is cut into, as a decoder would. */
    private static final int BLOCK_FRAMES = 1 << 16;

    private final LoudnessMeter meter;
    private final double duckDb;
    private final double rampMs;
    private final double ceilingDbtp;

    public DubMixer(LoudnessMeter meter, double duckDb, double rampMs, double ceilingDbtp) {
        this.meter = meter;
        this.duckDb = duckDb;
        this.rampMs = rampMs;
        this.ceilingDbtp = ceilingDbtp;
    }

    public static DubMixer standard() {
        return new DubMixer(new LoudnessMeter(), DEFAULT_DUCK_DB, DEFAULT_RAMP_MS, DEFAULT_CEILING_DBTP);
    }

    /**
     * A dubbed line on the original's timeline: {@code frames} samples (mono) at {@code sampleRate}
     * from {@code startMs}, loaded by {@code audio} only while a pass of the mix is over it.
     */
    public record Line(long startMs, int frames, int sampleRate, LineAudio audio) {}

    /** Loads a line's samples; called once per pass that reaches the line. */
    @FunctionalInterface
    public interface LineAudio {
        float[] load() throws MediaDecodeException, JobTimeoutException;
    }

    /** Where the mix goes; opened for each pass that writes it (twice when a trim is needed), the last one wins. */
    @FunctionalInterface
    public interface MixTarget {
        AudioSink open(int sampleRate, int channels, long frames) throws IOException;
    }

    /** Mixes audio in memory: the same passes, over the original cut into blocks. */
    public DecodedAudio mix(DecodedAudio original, List<Fitted> lines) {
        List<Line> placed = lines.stream()
                .map(line -> new Line(
                        line.startMs(),
                        line.audio().samples().length,
                        line.audio().sampleRate(),
                        () -> line.audio().samples()))
                .toList();
        List<DecodedAudio> blocks = new ArrayList<>();
        MixTarget inMemory = (rate, channels, frames) -> {
            blocks.clear();
            return new AudioSink() {
                @Override
                public void write(DecodedAudio block) {
                    blocks.add(block);
                }

                @Override
                public void close() {}
            };
        };
        try {
            mix(() -> original.blocks(BLOCK_FRAMES), placed, inMemory);
        } catch (MediaDecodeException | JobTimeoutException | IOException e) {
            throw new IllegalStateException("audio in memory cannot fail to decode or write", e);
        }
        return DecodedAudio.concat(original.sampleRate(), original.channelCount(), blocks);
    }

    /** Mixes {@code lines} over {@code original} into {@code target}; see the class comment for the passes. */
    public void mix(AudioBlocks.Source original, List<Line> lines, MixTarget target)
            throws MediaDecodeException, JobTimeoutException, IOException {
        Levels levels = measureOriginal(original, lines);
        int rate = levels.sampleRate();
        double[] pan = dubPan(levels.channels());
        List<DuckingEnvelope.Span> spans =
                lines.stream().map(line -> span(line, rate, levels.frames())).toList();
        DuckingEnvelope envelope =
                new DuckingEnvelope(spans, (int) Math.round(rampMs * rate / 1000), dbToLinear(-duckDb));
        Mix mix = new Mix(envelope, dbToLinear(levels.levellingDb()), pan);

        LoudnessMeter.Measurement mixed = meter.start(rate, levels.channels());
        mix.run(original, lines, mixed::add);
        double gain =
                dbToLinear(difference(levels.originalLufs(), mixed.result().integratedLufs()));

        TruePeakMeter truePeak = new TruePeakMeter(levels.channels());
        write(original, lines, mix, gain, 1, levels, target, truePeak);
        Double peak = truePeak.peakDbtp();
        if (peak != null && peak > ceilingDbtp) {
            write(original, lines, mix, gain, dbToLinear(ceilingDbtp - peak), levels, target, null);
        }
    }

    /**
     * What the first pass measures: the original's layout, length and loudness, and the gain (dB)
     * that brings the dub, as panned, to the original's loudness over the dubbed spans (0 when either
     * has none).
     */
    private record Levels(int sampleRate, int channels, long frames, Double originalLufs, double levellingDb) {}

    private Levels measureOriginal(AudioBlocks.Source original, List<Line> lines)
            throws MediaDecodeException, JobTimeoutException {
        try (AudioBlocks blocks = original.open()) {
            int rate = blocks.sampleRate();
            int channels = blocks.channelCount();
            double[] pan = dubPan(channels);
            LoudnessMeter.Measurement whole = meter.start(rate, channels);
            LoudnessMeter.Measurement underDub = meter.start(rate, channels);
            LoudnessMeter.Measurement placed = meter.start(rate, channels);
            LineCursor cursor = new LineCursor(lines, rate);
            long at = 0;
            long dubbedFrames = 0;
            for (DecodedAudio block; (block = blocks.next()) != null; ) {
                whole.add(block);
                for (LineCursor.Loaded line : cursor.over(at, block.frames())) {
                    int from = (int) (Math.max(line.from(), at) - at);
                    int to = (int) (Math.min(line.to(), at + block.frames()) - at);
                    float[][] under = new float[channels][];
                    float[][] dub = new float[channels][to - from];
                    for (int c = 0; c < channels; c++) {
                        under[c] = Arrays.copyOfRange(block.channels()[c], from, to);
                        for (int i = from; i < to; i++) {
                            dub[c][i - from] = (float) (pan[c] * line.samples()[(int) (at + i - line.from())]);
                        }
                    }
                    underDub.add(new DecodedAudio(rate, under));
                    placed.add(new DecodedAudio(rate, dub));
                    dubbedFrames += to - from;
                }
                at += block.frames();
            }
            double levelling = dubbedFrames == 0
                    ? 0
                    : difference(
                            underDub.result().integratedLufs(), placed.result().integratedLufs());
            return new Levels(rate, channels, at, whole.result().integratedLufs(), levelling);
        }
    }

    /** One writing pass: the mix, limited with {@code gain}, times {@code trim}, to the target; true peak measured on the way. */
    private void write(
            AudioBlocks.Source original,
            List<Line> lines,
            Mix mix,
            double gain,
            double trim,
            Levels levels,
            MixTarget target,
            TruePeakMeter truePeak)
            throws MediaDecodeException, JobTimeoutException, IOException {
        PeakLimiter limiter =
                new PeakLimiter(levels.sampleRate(), levels.channels(), ceilingDbtp - INTERSAMPLE_MARGIN_DB, gain);
        try (AudioSink sink = target.open(levels.sampleRate(), levels.channels(), levels.frames())) {
            BlockConsumer out = block -> {
                DecodedAudio trimmed = trim == 1 ? block : scaled(block, trim);
                if (truePeak != null) {
                    truePeak.add(trimmed);
                }
                sink.write(trimmed);
            };
            mix.run(original, lines, block -> out.accept(limiter.process(block)));
            out.accept(limiter.finish());
            sink.finish();
        }
    }

    /** Takes the blocks a pass makes. */
    @FunctionalInterface
    private interface BlockConsumer {
        void accept(DecodedAudio block) throws IOException;
    }

    /** The ducked original plus the levelled, panned dub, block by block. */
    private record Mix(DuckingEnvelope envelope, double dubGain, double[] pan) {
        void run(AudioBlocks.Source original, List<Line> lines, BlockConsumer out)
                throws MediaDecodeException, JobTimeoutException, IOException {
            try (AudioBlocks blocks = original.open()) {
                LineCursor cursor = new LineCursor(lines, blocks.sampleRate());
                long at = 0;
                for (DecodedAudio block; (block = blocks.next()) != null; ) {
                    out.accept(mixed(block, at, cursor));
                    at += block.frames();
                }
            }
        }

        private DecodedAudio mixed(DecodedAudio block, long at, LineCursor cursor)
                throws MediaDecodeException, JobTimeoutException {
            int n = block.frames();
            float[] gains = new float[n];
            envelope.fill(gains, at);
            float[][] out = new float[block.channelCount()][n];
            for (int c = 0; c < out.length; c++) {
                float[] x = block.channels()[c];
                for (int i = 0; i < n; i++) {
                    out[c][i] = x[i] * gains[i];
                }
            }
            for (LineCursor.Loaded line : cursor.over(at, n)) {
                long from = Math.max(line.from(), at);
                long to = Math.min(line.to(), at + n);
                for (int c = 0; c < out.length; c++) {
                    float gain = (float) (dubGain * pan[c]);
                    for (long i = from; i < to; i++) {
                        out[c][(int) (i - at)] += gain * line.samples()[(int) (i - line.from())];
                    }
                }
            }
            return new DecodedAudio(block.sampleRate(), out);
        }
    }

    /**
     * Walks the lines along a pass: a line is loaded (and brought to the original's rate) when the
     * pass reaches its start and dropped once the pass is beyond its end.
     */
    private static final class LineCursor {
        /** A line's samples at the original's rate, placed at frames {@code [from, to)}. */
        record Loaded(long from, long to, float[] samples) {}

        private final List<Line> lines;
        private final int rate;
        private final List<Loaded> active = new ArrayList<>();
        private int next;

        LineCursor(List<Line> lines, int rate) {
            this.lines = lines.stream()
                    .sorted(Comparator.comparingLong(Line::startMs))
                    .toList();
            this.rate = rate;
        }

        /** The lines that overlap frames {@code [at, at + n)}, in order of start. */
        List<Loaded> over(long at, int n) throws MediaDecodeException, JobTimeoutException {
            active.removeIf(line -> line.to() <= at);
            while (next < lines.size() && startFrame(lines.get(next), rate) < at + n) {
                Line line = lines.get(next++);
                long from = startFrame(line, rate);
                long to = from + framesAt(line, rate);
                if (to > at) {
                    active.add(
                            new Loaded(from, to, Resampler.resample(line.audio().load(), line.sampleRate(), rate)));
                }
            }
            return active;
        }
    }

    private static long startFrame(Line line, int rate) {
        return Math.round(line.startMs() * rate / 1000.0);
    }

    /** A line's length once at the original's rate (what the resampler gives). */
    private static long framesAt(Line line, int rate) {
        return (long) line.frames() * rate / line.sampleRate();
    }

    /** The frames a line covers, cut at the end of the original. */
    private static DuckingEnvelope.Span span(Line line, int rate, long frames) {
        long from = Math.min(frames, startFrame(line, rate));
        long to = Math.min(frames, from + framesAt(line, rate));
        return new DuckingEnvelope.Span(from, to);
    }

    /** Per-channel gains of the dub: see the class comment. */
    static double[] dubPan(int channels) {
        double[] pan = new double[channels];
        switch (channels) {
            case 1 -> pan[0] = 1;
            case 2, 4 -> {
                pan[0] = 1;
                pan[1] = 1;
            }
            default -> pan[2] = 1;
        }
        return pan;
    }

    /** How much louder {@code wanted} is than {@code measured}, in dB; 0 when either is too quiet or short to measure. */
    private static double difference(Double wanted, Double measured) {
        return wanted == null || measured == null ? 0 : wanted - measured;
    }

    private static DecodedAudio scaled(DecodedAudio block, double gain) {
        float[][] out = new float[block.channelCount()][block.frames()];
        for (int c = 0; c < out.length; c++) {
            for (int i = 0; i < block.frames(); i++) {
                out[c][i] = (float) (block.channels()[c][i] * gain);
            }
        }
        return new DecodedAudio(block.sampleRate(), out);
    }

    private static double dbToLinear(double db) {
        return Math.pow(10, db / 20);
    }
}
