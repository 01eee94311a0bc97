package dev.shabdam.pipeline.analysis.loudness;

import dev.shabdam.pipeline.jobs.InvalidParameterException;

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

    /** The target named in a job's parameters ({@code podcast}, {@code broadcast}). */
    public static LoudnessTarget fromName(String name) throws InvalidParameterException {
        for (LoudnessTarget target : values()) {
            if (target.name().equalsIgnoreCase(name)) {
                return target;
            }
        }
        throw new InvalidParameterException("unknown loudness target '" + name + "': podcast or broadcast");
    }
}
