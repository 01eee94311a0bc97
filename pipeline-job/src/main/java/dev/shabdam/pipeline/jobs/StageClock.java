package dev.shabdam.pipeline.jobs;

import java.util.concurrent.TimeUnit;

/** Times a job's stages: each {@link #lap()} answers the milliseconds since the previous one. */
public final class StageClock {
    private long lapStart;

    private StageClock(long now) {
        this.lapStart = now;
    }

    public static StageClock start() {
        return new StageClock(System.nanoTime());
    }

    public long lap() {
        long now = System.nanoTime();
        long ms = TimeUnit.NANOSECONDS.toMillis(now - lapStart);
        lapStart = now;
        return ms;
    }
}
