package dev.shabdam.pipeline.media;

import java.util.Arrays;
import java.util.List;

/**
 * Decoded PCM audio: planar float samples in −1..1, one array per channel, all of the same length.
 * Channel order is FFmpeg's (for 5.1: L R C LFE Ls Rs), which is what the loudness weights assume.
 * Either a whole (short) recording or one block of a long one ({@link AudioBlocks}).
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

    /** Silence of {@code frames} frames. */
    public static DecodedAudio silence(int sampleRate, int channels, int frames) {
        return new DecodedAudio(sampleRate, new float[channels][frames]);
    }

    /** Blocks joined end to end (all of {@code sampleRate} and {@code channels}). */
    public static DecodedAudio concat(int sampleRate, int channels, List<DecodedAudio> blocks) {
        int frames =
                Math.toIntExact(blocks.stream().mapToLong(DecodedAudio::frames).sum());
        float[][] out = new float[channels][frames];
        int at = 0;
        for (DecodedAudio block : blocks) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block.channels[c], 0, out[c], at, block.frames());
            }
            at += block.frames();
        }
        return new DecodedAudio(sampleRate, out);
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

    /** This audio handed out in blocks of {@code blockFrames} frames (copies), as a decoder would. */
    public AudioBlocks blocks(int blockFrames) {
        return new AudioBlocks() {
            private int at;

            @Override
            public int sampleRate() {
                return sampleRate;
            }

            @Override
            public int channelCount() {
                return channels.length;
            }

            @Override
            public DecodedAudio next() {
                if (at >= frames()) {
                    return null;
                }
                int to = (int) Math.min(frames(), (long) at + blockFrames);
                float[][] block = new float[channels.length][];
                for (int c = 0; c < channels.length; c++) {
                    block[c] = Arrays.copyOfRange(channels[c], at, to);
                }
                at = to;
                return new DecodedAudio(sampleRate, block);
            }

            @Override
            public void close() {}
        };
    }
}
