package dev.shabdam.pipeline.media;

import dev.shabdam.pipeline.jobs.JobDeadline;
import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link AudioBlocks} from an FFmpeg grabber: FFmpeg's own frames (a few thousand samples each) are
 * gathered into blocks of {@value #BLOCK_FRAMES} frames. The grabber reuses a frame's buffers on the
 * next grab, so what did not fit into one block is copied into the next before grabbing again.
 */
final class FfmpegAudioBlocks implements AudioBlocks {
    /** About 1.4 s at 48 kHz: 2 MB for 8 channels, large enough that per-block costs vanish. */
    static final int BLOCK_FRAMES = 1 << 16;

    private final FFmpegFrameGrabber grabber;
    private final int sampleRate;
    private final int channels;
    private final double maxDurationSec;
    private final long maxFrames;
    private Frame pending;
    private int pendingOffset;
    private long framesRead;

    FfmpegAudioBlocks(FFmpegFrameGrabber grabber, double maxDurationSec) {
        this.grabber = grabber;
        this.sampleRate = grabber.getSampleRate();
        this.channels = grabber.getAudioChannels();
        this.maxDurationSec = maxDurationSec;
        this.maxFrames = (long) (maxDurationSec * sampleRate);
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channelCount() {
        return channels;
    }

    @Override
    public DecodedAudio next() throws MediaDecodeException, JobTimeoutException {
        JobDeadline.check();
        float[][] block = null;
        int filled = 0;
        while (filled < BLOCK_FRAMES && nextFrame()) {
            int available = frameLength(pending) - pendingOffset;
            int take = Math.min(available, BLOCK_FRAMES - filled);
            if (framesRead + filled + take > maxFrames) {
                throw new MediaTooLongException(String.format(
                        Locale.ROOT, "the audio is longer than the %.0f s a job accepts", maxDurationSec));
            }
            if (block == null) {
                block = new float[channels][BLOCK_FRAMES];
            }
            for (int c = 0; c < channels; c++) {
                FloatBuffer plane = (FloatBuffer) pending.samples[c];
                plane.get(plane.position() + pendingOffset, block[c], filled, take);
            }
            filled += take;
            pendingOffset += take;
            if (pendingOffset == frameLength(pending)) {
                pending = null;
            }
        }
        if (filled == 0) {
            if (framesRead == 0) {
                throw new MediaDecodeException("the audio stream holds no decodable samples");
            }
            return null;
        }
        framesRead += filled;
        if (filled < BLOCK_FRAMES) {
            for (int c = 0; c < channels; c++) {
                block[c] = Arrays.copyOf(block[c], filled);
            }
        }
        return new DecodedAudio(sampleRate, block);
    }

    /** Makes {@link #pending} a frame with samples left in it; false at the end of the stream. */
    private boolean nextFrame() throws MediaDecodeException {
        while (pending == null) {
            Frame frame;
            try {
                frame = grabber.grabSamples();
            } catch (FrameGrabber.Exception e) {
                throw new MediaDecodeException("the file's audio cannot be decoded: " + e.getMessage(), e);
            }
            if (frame == null) {
                return false;
            }
            if (frame.samples != null && frameLength(frame) > 0) {
                pending = frame;
                pendingOffset = 0;
            }
        }
        return true;
    }

    private static int frameLength(Frame frame) {
        return frame.samples[0].limit() - frame.samples[0].position();
    }

    @Override
    public void close() {
        pending = null;
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // everything wanted was read; the native context is released all the same
        }
    }
}
