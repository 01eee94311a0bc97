package dev.shabdam.pipeline.analysis;

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
}
