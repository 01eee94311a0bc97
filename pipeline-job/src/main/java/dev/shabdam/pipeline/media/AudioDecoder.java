package dev.shabdam.pipeline.media;

import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.jobs.JobLimits;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the audio of any file FFmpeg reads (an audio file, or the first audio stream of a video)
 * into planar float samples, optionally resampled and down- or up-mixed by FFmpeg's swresample.
 *
 * <p>{@link #open} hands the audio out block by block ({@link AudioBlocks}): memory stays at one block
 * however long the media is, which is how every upload is read. {@link #decode} gathers all of it in
 * memory, for audio that is small by construction (a dubbed line, a test's output). Both stop at
 * {@code maxDurationSec} with {@link MediaTooLongException}, whatever the header claimed.
 *
 * <p>Each call opens its own grabber, so one instance serves any number of threads.
 */
public final class AudioDecoder {
    static {
        // FFmpeg logs every oddity of every file to stderr; only errors are worth a log line.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private final double maxDurationSec;

    /** A decoder that accepts media up to {@link JobLimits#DEFAULT_MAX_MEDIA_SECONDS}. */
    public AudioDecoder() {
        this(JobLimits.DEFAULT_MAX_MEDIA_SECONDS);
    }

    public AudioDecoder(double maxDurationSec) {
        this.maxDurationSec = maxDurationSec;
    }

    /** The audio block by block, at the file's own sample rate and channel count. */
    public AudioBlocks open(File file) throws MediaDecodeException {
        return open(file, 0, 0);
    }

    /**
     * The audio block by block, resampled to {@code sampleRate} and mixed to {@code channels} where
     * these are positive (0 keeps the file's own), e.g. {@code open(f, 16000, 1)} for speech.
     */
    public AudioBlocks open(File file, int sampleRate, int channels) throws MediaDecodeException {
        if (!file.isFile()) {
            throw new MediaDecodeException("no such file: " + file);
        }
        if (file.length() == 0) {
            throw new MediaDecodeException("the file is empty");
        }
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file);
        // planar float whatever the codec's own format (s16, s32, flt, dbl, packed or planar)
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLTP);
        if (sampleRate > 0) {
            grabber.setSampleRate(sampleRate);
        }
        if (channels > 0) {
            grabber.setAudioChannels(channels);
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new MediaDecodeException(
                    "not a readable audio or video file (unknown format, or truncated" + " so that its index is lost): "
                            + e.getMessage(),
                    e);
        }
        if (!grabber.hasAudio() || grabber.getAudioChannels() <= 0) {
            closeQuietly(grabber);
            throw new MediaDecodeException("the file has no audio stream");
        }
        return new FfmpegAudioBlocks(grabber, maxDurationSec);
    }

    /** All of the audio in memory, at the file's own rate and channels: only for audio small by construction. */
    public DecodedAudio decode(File file) throws MediaDecodeException, JobTimeoutException {
        return decode(file, 0, 0);
    }

    /** As {@link #decode(File)}, resampled and mixed as {@link #open(File, int, int)} does. */
    public DecodedAudio decode(File file, int sampleRate, int channels)
            throws MediaDecodeException, JobTimeoutException {
        try (AudioBlocks blocks = open(file, sampleRate, channels)) {
            List<DecodedAudio> all = new ArrayList<>();
            for (DecodedAudio block; (block = blocks.next()) != null; ) {
                all.add(block);
            }
            return DecodedAudio.concat(blocks.sampleRate(), blocks.channelCount(), all);
        }
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // the file was refused already; a failing close adds nothing the user can act on
        }
    }
}
