package dev.shabdam.pipeline.media;

/**
 * Decoded PCM audio: planar float samples in −1..1, one array per channel, all of the same length.
 * Channel order is FFmpeg's (for 5.1: L R C LFE Ls Rs), which is what the loudness weights assume.
 *
 * <p>The arrays are shared, not copied: whoever holds a {@code DecodedAudio} must not write to them.
 */
public record DecodedAudio(int sampleRate, float[][] channels) {
    public DecodedAudio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("audio needs at least one channel");
        }
        for (float[] channel : channels) {
            if (channel.length != channels[0].length) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
    }

    /** One channel at the given rate. */
    public static DecodedAudio mono(int sampleRate, float[] samples) {
        return new DecodedAudio(sampleRate, new float[][] {samples});
    }

    public int channelCount() {
        return channels.length;
    }

    /** Samples per channel. */
    public int frames() {
        return channels[0].length;
    }

    public double durationSec() {
        return frames() / (double) sampleRate;
    }
}
