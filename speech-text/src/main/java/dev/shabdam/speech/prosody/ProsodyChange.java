package dev.shabdam.speech.prosody;

/**
 * A relative change from SSML {@code <prosody>}: rate and volume as factors, pitch in
 * semitones. Applying it clamps to the API's ranges instead of failing, as SSML engines do.
 */
public record ProsodyChange(double rateFactor, double pitchSemitones, double volumeFactor) {

    public static final ProsodyChange NONE = new ProsodyChange(1, 0, 1);

    /** This change nested inside {@code outer}. */
    public ProsodyChange within(ProsodyChange outer) {
        return new ProsodyChange(
                rateFactor * outer.rateFactor,
                pitchSemitones + outer.pitchSemitones,
                volumeFactor * outer.volumeFactor);
    }

    public Prosody applyTo(Prosody base) {
        return new Prosody(
                clamp(base.speed() * rateFactor, 0.5, 2.0),
                clamp(base.pitchSemitones() + pitchSemitones, -12, 12),
                base.emotion(),
                clamp(base.volume() * volumeFactor, 0, 2));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
