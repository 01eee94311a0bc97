package dev.shabdam.pipeline.training;

/**
 * How far one voice is from another, on the measures cloning is judged by.
 *
 * @param f0Semitones     |difference of the F0 medians| in semitones
 * @param formantPercent  mean over F1–F3 of |difference| / the target's formant, in %
 * @param ltasDb          RMS difference of the level-free long-term spectra over their bands, dB
 */
public record VoiceDistance(double f0Semitones, double formantPercent, double ltasDb) {

    /** The distance of {@code voice} from {@code target}. */
    public static VoiceDistance between(VoiceFeatures voice, VoiceFeatures target) {
        double f0 = Math.abs(12 * LongTermSpectrum.log2(voice.f0MedianHz() / target.f0MedianHz()));
        double[] a = voice.formants();
        double[] b = target.formants();
        double formant = 0;
        for (int k = 0; k < b.length; k++) {
            formant += Math.abs(a[k] - b[k]) / b[k];
        }
        double[] x = voice.ltas();
        double[] y = target.ltas();
        double squares = 0;
        for (int k = 0; k < y.length; k++) {
            squares += (x[k] - y[k]) * (x[k] - y[k]);
        }
        return new VoiceDistance(f0, 100 * formant / b.length, Math.sqrt(squares / y.length));
    }
}
