package dev.shabdam.pipeline.dubbing;

/**
 * How far the fitter ({@link LineFitter}) may bend synthesised speech. Rates are playback speeds: 1.1 makes a clip
 * 10 % shorter.
 *
 * @param minRate         the slowest stretch (slowing fills a slot the dub would leave early)
 * @param comfortableRate the fastest stretch that does not sound rushed; past it the fitter asks
 *                        for re-synthesis or borrows silence first (users hear more than ~1.2× as
 *                        rushed)
 * @param maxRate         the fastest stretch at all, used only when nothing else fits
 * @param maxSpeechSpeed  the fastest an engine is asked to speak when a line is synthesised again to
 *                        fit: an engine speaking fast sounds far better than audio stretched as much
 * @param guardMs         silence kept before the next line when borrowing
 * @param toleranceMs     how far from the slot end a dub may end and still count as fitting
 */
public record FitBounds(
        double minRate, double comfortableRate, double maxRate, double maxSpeechSpeed, long guardMs, long toleranceMs) {
    public static final FitBounds DEFAULT = new FitBounds(0.8, 1.2, 1.3, 1.7, 100, 50);

    public FitBounds {
        if (!(minRate > 0 && minRate <= 1 && 1 <= comfortableRate && comfortableRate <= maxRate && maxSpeechSpeed >= 1)
                || guardMs < 0
                || toleranceMs < 0) {
            throw new IllegalArgumentException("bounds need 0 < min <= 1 <= comfortable <= max and no negative times");
        }
    }
}
