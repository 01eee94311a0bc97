package dev.shabdam.pipeline.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.File;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Decodes the audio of any file FFmpeg reads (an audio file, or the first audio stream of a video)
 * into planar float samples, optionally resampled and down- or up-mixed by FFmpeg's swresample.
 *
 * <p>The whole track is held in memory as float arrays (4 bytes per sample per channel: one hour of
 * 48 kHz stereo is about 1.4 GB), so the decoder refuses tracks longer than {@code maxDurationSec}
 * instead of running the task manager out of memory. Stages that need bounded memory for long media
 * should decode a 16 kHz mono target, which is 12× smaller than 48 kHz stereo.
 *
 * <p>Each call opens its own grabber, so one instance serves any number of threads.
 */
public final class AudioDecoder {
    /** About an hour of audio: the longest track a whole-file analysis is meant for. */
    public static final double DEFAULT_MAX_DURATION_SEC = 3600.0;

    static {
        // FFmpeg logs every oddity of every file to stderr; only errors are worth a log line.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final double maxDurationSec;

    public AudioDecoder() {
        this(DEFAULT_MAX_DURATION_SEC);
    }

    public AudioDecoder(double maxDurationSec) {
        this.maxDurationSec = maxDurationSec;
    }

    /** Decodes at the file's own sample rate and channel count. */
    public DecodedAudio decode(File file) throws MediaDecodeException {
        return decode(file, 0, 0);
    }

    /**
     * Decodes, resampling to {@code sampleRate} and mixing to {@code channels} where these are
     * positive (0 keeps the file's own), e.g. {@code decode(f, 16000, 1)} for speech features.
     */
    public DecodedAudio decode(File file, int sampleRate, int channels) throws MediaDecodeException {
        if (!file.isFile()) {
            throw new MediaDecodeException("no such file: " + file);
        }
        if (file.length() == 0) {
            throw new MediaDecodeException("the file is empty");
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file)) {
            // planar float whatever the codec's own format (s16, s32, flt, dbl, packed or planar)
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLTP);
            if (sampleRate > 0) {
                grabber.setSampleRate(sampleRate);
            }
            if (channels > 0) {
                grabber.setAudioChannels(channels);
            }
            start(grabber);
            if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
                throw new MediaDecodeException("the file has no audio stream");
            }
            return readAll(grabber);
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("the file's audio cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static void start(FFmpegFrameGrabber grabber) throws MediaDecodeException {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("not a readable audio or video file (unknown format, or truncated"
                    + " so that its index is lost): " + e.getMessage(), e);
        }
    }

    private DecodedAudio readAll(FFmpegFrameGrabber grabber) throws FrameGrabber.Exception, MediaDecodeException {
        int rate = grabber.getSampleRate();
        int channelCount = grabber.getAudioChannels();
        long maxFrames = (long) (maxDurationSec * rate);
        // the container's duration is a good first guess for the array size; growth covers a wrong one
        long expected = grabber.getLengthInTime() > 0 ? grabber.getLengthInTime() * rate / 1_000_000L + rate : rate * 10L;
        float[][] out = new float[channelCount][(int) Math.min(expected, Math.min(maxFrames, Integer.MAX_VALUE - 8))];
        int length = 0;
        Frame frame;
        while ((frame = grabber.grabSamples()) != null) {
            if (frame.samples == null) {
                continue;
            }
            int n = frame.samples[0].limit() - frame.samples[0].position();
            if (length + (long) n > maxFrames) {
                throw new MediaDecodeException(String.format("the audio is longer than the %.0f s this analysis accepts",
                        maxDurationSec));
            }
            if (length + n > out[0].length) {
                int grown = (int) Math.min(Math.max(out[0].length * 3L / 2, length + (long) n), Integer.MAX_VALUE - 8);
                for (int c = 0; c < channelCount; c++) {
                    out[c] = Arrays.copyOf(out[c], grown);
                }
            }
            for (int c = 0; c < channelCount; c++) {
                FloatBuffer plane = (FloatBuffer) frame.samples[c];
                plane.get(plane.position(), out[c], length, n);
            }
            length += n;
        }
        if (length == 0) {
            throw new MediaDecodeException("the audio stream holds no decodable samples");
        }
        for (int c = 0; c < channelCount; c++) {
            out[c] = Arrays.copyOf(out[c], length);
        }
        return new DecodedAudio(rate, out);
    }
}
