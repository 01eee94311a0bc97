package dev.shabdam.speech.prosody;

import dev.shabdam.speech.SynthesisException;

/**
 * The voice controls of a request, validated on construction ({@code invalid_parameter}).
 *
 * @param speed          speaking rate factor, 0.5–2.0
 * @param pitchSemitones pitch shift, −12..12 semitones, applied exactly (see {@link PitchShifter})
 * @param emotion        emotional colour, see synthesis/emotions.tsv
 * @param volume         linear gain on top of the loudness target, 0.0–2.0 (1.0 = target)
 */
public record Prosody(double speed, double pitchSemitones, Emotion emotion, double volume) {

    public static final Prosody NEUTRAL = new Prosody(1.0, 0.0, Emotion.NEUTRAL, 1.0);

    public Prosody {
        require("speed", speed, 0.5, 2.0);
        require("pitch", pitchSemitones, -12, 12);
        require("volume", volume, 0.0, 2.0);
        if (emotion == null) {
            throw new SynthesisException(SynthesisException.Code.INVALID_PARAMETER, "emotion is required");
        }
    }

    public Prosody withSpeed(double newSpeed) {
        return new Prosody(newSpeed, pitchSemitones, emotion, volume);
    }

    public Prosody withPitch(double semitones) {
        return new Prosody(speed, semitones, emotion, volume);
    }

    public Prosody withEmotion(Emotion newEmotion) {
        return new Prosody(speed, pitchSemitones, newEmotion, volume);
    }

    public Prosody withVolume(double newVolume) {
        return new Prosody(speed, pitchSemitones, emotion, newVolume);
    }

    private static void require(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // also rejects NaN
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER,
                    name + " must be within " + min + ".." + max + "; got " + value);
        }
    }
}
