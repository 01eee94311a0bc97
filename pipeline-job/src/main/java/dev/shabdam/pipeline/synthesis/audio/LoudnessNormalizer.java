package dev.shabdam.pipeline.synthesis.audio;

import dev.shabdam.pipeline.analysis.loudness.Loudness;
import dev.shabdam.pipeline.analysis.loudness.LoudnessMeter;
import dev.shabdam.pipeline.media.DecodedAudio;

/**
 * Brings audio to a loudness target with a true-peak ceiling, by one static gain. When the
 * target would push the true peak over the ceiling, the gain stops at the ceiling (the result
 * is then quieter than the target) rather than limiting, which would colour the voice.
 * Integrated loudness (ITU-R BS.1770-4) and true peak come from the analysis {@link LoudnessMeter},
 * in one pass.
 */
public final class LoudnessNormalizer {

    public static final double DEFAULT_TARGET_LUFS = -16;
    public static final double DEFAULT_CEILING_DBTP = -1;

    private final LoudnessMeter meter;
    private final double targetLufs;
    private final double ceilingDbtp;

    public LoudnessNormalizer(LoudnessMeter meter, double targetLufs, double ceilingDbtp) {
        this.meter = meter;
        this.targetLufs = targetLufs;
        this.ceilingDbtp = ceilingDbtp;
    }

    public static LoudnessNormalizer standard() {
        return new LoudnessNormalizer(new LoudnessMeter(), DEFAULT_TARGET_LUFS, DEFAULT_CEILING_DBTP);
    }

    /** Normalises to the target plus {@code offsetDb} (emotion energy, request volume). */
    public Audio normalize(Audio audio, double offsetDb) {
        Loudness measured = meter.measure(DecodedAudio.mono(audio.sampleRate(), audio.samples()));
        if (measured.integratedLufs() == null) {
            return audio; // silence or too short to gate: nothing to measure
        }
        double gain = targetLufs + offsetDb - measured.integratedLufs();
        // a signal with an integrated loudness is not all zeros, so it has a true peak
        double peakAfter = measured.truePeakDbtp() + gain;
        if (peakAfter > ceilingDbtp) {
            gain -= peakAfter - ceilingDbtp;
        }
        return audio.withGainDb(gain);
    }
}
