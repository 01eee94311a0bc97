package dev.shabdam.schemas.jobs;

import dev.shabdam.speech.SynthesisException;

import java.util.Locale;

/** Where the recording is going, and the integrated loudness that platform normalises to. */
public enum LoudnessTarget {
    /** Podcasts and most streaming speech (Apple, Spotify's "loud" speech guidance): −16 LUFS. */
    PODCAST(-16.0),
    /** Broadcast per EBU R128: −23 LUFS. */
    BROADCAST(-23.0);

    private final double lufs;

    LoudnessTarget(double lufs) {
        this.lufs = lufs;
    }

    public double lufs() {
        return lufs;
    }

    /** The name a job's parameters use for it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The target a job names ({@code podcast}, {@code broadcast}); any other is {@code invalid_parameter}. */
    public static LoudnessTarget fromName(String name) {
        for (LoudnessTarget target : values()) {
            if (target.name().equalsIgnoreCase(name)) {
                return target;
            }
        }
        throw new SynthesisException(
                SynthesisException.Code.INVALID_PARAMETER,
                "unknown loudness target '" + name + "': podcast or broadcast");
    }
}
