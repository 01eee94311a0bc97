package dev.shabdam.pipeline.synthesis.audio;

import dev.shabdam.pipeline.analysis.pitch.PitchSummary;
import dev.shabdam.pipeline.analysis.pitch.PitchTracker;
import dev.shabdam.pipeline.analysis.speech.SpeechSignal;
import dev.shabdam.pipeline.media.DecodedAudio;

/** Median F0 of synthesised audio, by the analysis YIN {@link PitchTracker}: how tests check a pitch request landed. */
public final class MedianPitch {
    private MedianPitch() {}

    /** Median F0 of the voiced frames in Hz, or NaN when nothing is voiced. */
    public static double hz(Audio audio) {
        SpeechSignal signal = SpeechSignal.of(DecodedAudio.mono(audio.sampleRate(), audio.samples()));
        Double median = PitchSummary.of(new PitchTracker().track(signal)).medianHz();
        return median == null ? Double.NaN : median;
    }
}
