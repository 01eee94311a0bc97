package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.analysis.Loudness;
import dev.shabdam.pipeline.analysis.LoudnessMeter;
import dev.shabdam.pipeline.analysis.Resampler;
import dev.shabdam.pipeline.dubbing.Alignment.Aligned;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.synthesis.audio.Audio;

import java.util.List;

/**
 * Lays the aligned dub over the original track, keeping its music and ambience:
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
 * The dub must be at the original's sample rate. Memory: the original, the output (same size, float
 * planar), the dub clips and, for levelling, a copy of the original under the dubbed spans; ducking
 * and limiting work in {@value #BLOCK_FRAMES}-frame blocks and one 5 ms window.
 */
public final class DubMixer {
    public static final double DEFAULT_DUCK_DB = 20;
    public static final double DEFAULT_RAMP_MS = 75;
    public static final double DEFAULT_CEILING_DBTP = -1;
    static final double INTERSAMPLE_MARGIN_DB = 1;
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

    private static Aligned atRate(Aligned line, int rate) {
        Audio audio = line.audio();
        return audio.sampleRate() == rate ? line : new Aligned(
                new Audio(Resampler.resample(audio.samples(), audio.sampleRate(), rate), rate),
                line.startMs(), line.endMs(), line.rate(), line.strategy());
    }

    public static DubMixer standard() {
        return new DubMixer(new LoudnessMeter(), DEFAULT_DUCK_DB, DEFAULT_RAMP_MS, DEFAULT_CEILING_DBTP);
    }

    public DecodedAudio mix(DecodedAudio original, List<Aligned> lines) {
        int rate = original.sampleRate();
        // speech engines have their own rates (22.05 kHz espeak-ng, 16 or 22.05 kHz VITS): meet the original's
        List<Aligned> dub = lines.stream().map(line -> atRate(line, rate)).toList();
        List<DuckingEnvelope.Span> spans = dub.stream().map(line -> span(line, original)).toList();
        double[] pan = dubPan(original.channelCount());
        double dubGain = dbToLinear(levellingDb(original, dub, spans, pan));
        float[][] out = duckedCopy(original, new DuckingEnvelope(spans, (int) Math.round(rampMs * rate / 1000), dbToLinear(-duckDb)));
        for (int k = 0; k < dub.size(); k++) {
            float[] speech = dub.get(k).audio().samples();
            DuckingEnvelope.Span span = spans.get(k);
            for (int c = 0; c < out.length; c++) {
                float gain = (float) (dubGain * pan[c]);
                for (int i = span.from(); i < span.to(); i++) {
                    out[c][i] += gain * speech[i - span.from()];
                }
            }
        }
        DecodedAudio mixed = new DecodedAudio(rate, out);
        new PeakLimiter(rate, ceilingDbtp - INTERSAMPLE_MARGIN_DB).apply(out, dbToLinear(loudnessDifferenceDb(original, mixed)));
        Double peak = meter.measure(mixed).truePeakDbtp();
        if (peak != null && peak > ceilingDbtp) {
            scale(out, dbToLinear(ceilingDbtp - peak));
        }
        return mixed;
    }

    /** The frames a line covers, cut at the end of the original. */
    private static DuckingEnvelope.Span span(Aligned line, DecodedAudio original) {
        int from = (int) Math.min(original.frames(), Math.round(line.startMs() * original.sampleRate() / 1000.0));
        int to = Math.min(original.frames(), from + line.audio().samples().length);
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

    /** The original × envelope, block by block. */
    private static float[][] duckedCopy(DecodedAudio original, DuckingEnvelope envelope) {
        float[][] out = new float[original.channelCount()][original.frames()];
        float[] gains = new float[BLOCK_FRAMES];
        for (int first = 0; first < original.frames(); first += BLOCK_FRAMES) {
            int n = Math.min(BLOCK_FRAMES, original.frames() - first);
            float[] block = n == BLOCK_FRAMES ? gains : new float[n];
            envelope.fill(block, first);
            for (int c = 0; c < out.length; c++) {
                float[] x = original.channels()[c];
                for (int i = 0; i < n; i++) {
                    out[c][first + i] = x[first + i] * block[i];
                }
            }
        }
        return out;
    }

    /** The gain that brings the dub, as panned, to the original's loudness over the dubbed spans (0 when either has none). */
    private double levellingDb(DecodedAudio original, List<Aligned> dub, List<DuckingEnvelope.Span> spans, double[] pan) {
        int frames = spans.stream().mapToInt(s -> s.to() - s.from()).sum();
        float[][] underDub = new float[original.channelCount()][frames];
        float[][] placed = new float[original.channelCount()][frames];
        int at = 0;
        for (int k = 0; k < spans.size(); k++) {
            DuckingEnvelope.Span span = spans.get(k);
            float[] speech = dub.get(k).audio().samples();
            for (int c = 0; c < underDub.length; c++) {
                System.arraycopy(original.channels()[c], span.from(), underDub[c], at, span.to() - span.from());
                for (int i = 0; i < span.to() - span.from(); i++) {
                    placed[c][at + i] = (float) (pan[c] * speech[i]);
                }
            }
            at += span.to() - span.from();
        }
        return frames == 0 ? 0 : loudnessDifferenceDb(new DecodedAudio(original.sampleRate(), underDub),
                new DecodedAudio(original.sampleRate(), placed));
    }

    /** How much louder {@code reference} is than {@code audio}, in dB; 0 when either is too quiet or short to measure. */
    private double loudnessDifferenceDb(DecodedAudio reference, DecodedAudio audio) {
        Loudness wanted = meter.measure(reference);
        Loudness measured = meter.measure(audio);
        return wanted.integratedLufs() == null || measured.integratedLufs() == null ? 0
                : wanted.integratedLufs() - measured.integratedLufs();
    }

    private static void scale(float[][] channels, double gain) {
        for (float[] channel : channels) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (channel[i] * gain);
            }
        }
    }

    private static double dbToLinear(double db) {
        return Math.pow(10, db / 20);
    }
}
