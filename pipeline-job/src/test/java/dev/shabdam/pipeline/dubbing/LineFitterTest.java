package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.dubbing.Fit.Fitted;
import dev.shabdam.pipeline.dubbing.Fit.Resynthesize;
import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LineFitterTest {
    private static final int RATE = SpeechSignal.RATE;
    private final LineFitter fitter = new LineFitter();

    /** A voiced "speech" stand-in: a 140 Hz sawtooth in syllable-like 4 Hz swells. */
    static Audio voice(double seconds) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            double saw = 2 * (t * 140 % 1) - 1;
            x[i] = (float) (0.3 * saw * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t)));
        }
        return new Audio(x, RATE);
    }

    private static long endOfAudioMs(Fitted a) {
        return a.startMs()
                + Math.round(a.audio().samples().length * 1000.0 / a.audio().sampleRate());
    }

    @Test
    void shortSpeechIsPaddedToTheSlotEnd() {
        Fitted a = (Fitted) fitter.fit(new Slot(1000, 3000, 5000), voice(1.2), true);
        assertThat(a.strategy()).isEqualTo(Strategy.PAD);
        assertThat(a.rate()).isEqualTo(1.0);
        assertThat(endOfAudioMs(a)).isCloseTo(3000, within(50L));
        assertThat(a.endMs()).isEqualTo(3000);
    }

    @Test
    void tenPercentLongIsStretchedIntoTheSlotKeepingThePitch() {
        Audio speech = voice(2.2);
        Fitted a = (Fitted) fitter.fit(new Slot(0, 2000, 2000), speech, true);
        assertThat(a.strategy()).isEqualTo(Strategy.STRETCH);
        assertThat(a.rate())
                .isCloseTo(1.1, within(0.01))
                .isBetween(FitBounds.DEFAULT.minRate(), FitBounds.DEFAULT.maxRate());
        assertThat(endOfAudioMs(a)).isCloseTo(2000, within(50L));
        double before = medianF0(speech);
        double after = medianF0(a.audio());
        assertThat(12 * Math.log(after / before) / Math.log(2)).isCloseTo(0, within(1.0));
    }

    @Test
    void sixtyPercentLongIsSpokenAgainFasterAndThenEndsWithItsSlot() {
        Slot slot = new Slot(0, 1000, 3000);
        Resynthesize plan = (Resynthesize) fitter.fit(slot, voice(1.6), true);
        assertThat(plan.speed()).isCloseTo(1.6 * LineFitter.RESYNTHESIS_MARGIN, within(1e-9));
        Audio again = voice(1.6 / plan.speed()); // what the engine makes at that speed
        Fitted a = (Fitted) fitter.fit(slot, again, false);
        assertThat(a.strategy()).isEqualTo(Strategy.PAD);
        assertThat(a.endMs()).isEqualTo(1000);
        assertThat(endOfAudioMs(a)).isCloseTo(1000, within(FitBounds.DEFAULT.toleranceMs()));
    }

    @Test
    void pastTheFastestSpeechItBorrowsSilence() {
        Slot slot = new Slot(0, 1000, 3000);
        Resynthesize plan = (Resynthesize) fitter.fit(slot, voice(2.4), true);
        assertThat(plan.speed()).isEqualTo(FitBounds.DEFAULT.maxSpeechSpeed());
        Audio again = voice(2.4 / plan.speed());
        Fitted a = (Fitted) fitter.fit(slot, again, false);
        assertThat(a.strategy()).isEqualTo(Strategy.BORROW);
        assertThat(a.rate()).isEqualTo(1.0);
        assertThat(a.endMs()).isGreaterThan(1000).isLessThanOrEqualTo(3000 - 100);
        assertThat(endOfAudioMs(a)).isCloseTo(Math.round(2400 / FitBounds.DEFAULT.maxSpeechSpeed()), within(2L));
    }

    @Test
    void borrowingStopsAtTheGuardBeforeTheNextLine() {
        Slot slot = new Slot(0, 1000, 1300); // room for 1200 ms of 1333
        Fitted a = (Fitted) fitter.fit(slot, voice(1.6 / 1.2), false);
        assertThat(a.strategy()).isEqualTo(Strategy.BORROW);
        assertThat(a.endMs()).isEqualTo(1200);
        assertThat(endOfAudioMs(a)).isLessThanOrEqualTo(1300 - 100);
        assertThat(a.rate()).isCloseTo(1333.0 / 1200, within(0.01));
    }

    @Test
    void withNoRoomAtAllItStretchesHarderRatherThanOverlap() {
        Slot slot = new Slot(0, 1000, 1000);
        Fitted a = (Fitted) fitter.fit(slot, voice(1.6), false);
        assertThat(a.strategy()).isEqualTo(Strategy.OVERSTRETCH);
        assertThat(endOfAudioMs(a)).isLessThanOrEqualTo(1000);
        assertThat(a.rate()).isCloseTo(1.6, within(0.01));
    }

    @Test
    void slightlyShortSpeechIsSlowedToFillTheSlot() {
        Fitted a = (Fitted) fitter.fit(new Slot(0, 2000, 4000), voice(1.8), true);
        assertThat(a.strategy()).isEqualTo(Strategy.STRETCH);
        assertThat(a.rate()).isCloseTo(0.9, within(0.01));
        assertThat(endOfAudioMs(a)).isCloseTo(2000, within(50L));
    }

    private static double medianF0(Audio audio) {
        return PitchSummary.of(new PitchTracker().track(new SpeechSignal(audio.samples())))
                .medianHz();
    }
}
