package dev.shabdam.pipeline.synthesis.audio;

/**
 * Brings audio to a loudness target with a true-peak ceiling, by one static gain. When the
 * target would push the true peak over the ceiling, the gain stops at the ceiling (the result
 * is then quieter than the target) rather than limiting, which would colour the voice.
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
        return new LoudnessNormalizer(new Bs1770LoudnessMeter(), DEFAULT_TARGET_LUFS, DEFAULT_CEILING_DBTP);
    }

    /** Normalises to the target plus {@code offsetDb} (emotion energy, request volume). */
    public Audio normalize(Audio audio, double offsetDb) {
        double measured = meter.integratedLufs(audio.samples(), audio.sampleRate());
        if (Double.isInfinite(measured)) {
            return audio; // silence or too short to gate: nothing to measure
        }
        double gain = targetLufs + offsetDb - measured;
        double peakAfter = TruePeak.dbtp(audio.samples()) + gain;
        if (peakAfter > ceilingDbtp) {
            gain -= peakAfter - ceilingDbtp;
        }
        return audio.withGainDb(gain);
    }
}
