package dev.shabdam.pipeline.media;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probes media with FFmpeg (javacv). Reading the container headers is not enough to trust a file:
 * the probe also decodes frames until one comes out, so a file whose headers parse but whose
 * packets are broken is refused here, at ingest, instead of failing deep inside a later stage.
 *
 * <p>Each call opens its own grabber, so one instance serves any number of threads.
 */
public final class FfmpegMediaProbe implements MediaProbe {
    private static final long serialVersionUID = 1L;

    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

    static {
        quietLogs();
    }

    /**
     * FFmpeg logs to the process's stderr, around Flink's logging, and a corrupt file alone makes it
     * log an error per packet. What matters about a file reaches the job's result as the refusal
     * reason, so only fatal messages are let through.
     */
    static void quietLogs() {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    @Override
    public ProbeResult probe(File file) throws MediaDecodeException {
        if (file.length() == 0) {
            throw new MediaDecodeException("the file is empty");
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file)) {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new MediaDecodeException(openFailure(e), e);
            }
            ProbeResult result = describe(grabber.getFormatContext());
            requireDecodableFrame(grabber);
            return result;
        } catch (FrameGrabber.Exception e) {
            throw new MediaDecodeException("the file's audio or video data cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** Words for a user out of javacv's message, which names our temporary file and javacv's own setters. */
    private static String openFailure(FrameGrabber.Exception e) {
        String message = String.valueOf(e.getMessage());
        // javacv opens the container, then refuses it when it has neither audio nor video
        if (message.startsWith("Did not find a video or audio stream")) {
            return "the file has no audio or video stream";
        }
        Matcher code = ERROR_CODE.matcher(message);
        return "not a readable audio or video file: unknown format, or cut short so that its index is lost ("
                + (code.find() ? ffmpegError(Integer.parseInt(code.group(1))) : message) + ")";
    }

    private static String ffmpegError(int code) {
        try (BytePointer text = new BytePointer(256)) {
            avutil.av_strerror(code, text, text.capacity());
            // the buffer is NUL-terminated well before its capacity: read only up to that NUL
            return text.limit(0).getString();
        }
    }

    /** Decodes until the first audio or video frame; broken packets are skipped by FFmpeg, so none means none decodable. */
    private static void requireDecodableFrame(FFmpegFrameGrabber grabber)
            throws FrameGrabber.Exception, MediaDecodeException {
        Frame frame;
        while ((frame = grabber.grabFrame(true, true, true, false)) != null) {
            if (frame.samples != null || frame.image != null) {
                return;
            }
        }
        throw new MediaDecodeException("no audio or video frame in the file can be decoded (the data is corrupt)");
    }

    private static ProbeResult describe(AVFormatContext format) {
        List<StreamInfo> streams = new ArrayList<>();
        for (int i = 0; i < format.nb_streams(); i++) {
            streams.add(describe(i, format.streams(i)));
        }
        StreamInfo audio = streams.stream()
                .filter(s -> s.type().equals("audio"))
                .findFirst()
                .orElse(null);
        Double duration = format.duration() == avutil.AV_NOPTS_VALUE || format.duration() <= 0
                ? null
                : format.duration() / (double) avutil.AV_TIME_BASE;
        Long bitRate = format.bit_rate() > 0 ? format.bit_rate() : null;
        return new ProbeResult(
                duration,
                audio == null ? null : audio.sampleRateHz(),
                audio == null ? null : audio.channels(),
                format.iformat().name().getString(),
                bitRate,
                streams);
    }

    private static StreamInfo describe(int index, AVStream stream) {
        AVCodecParameters codec = stream.codecpar();
        String codecName = avcodec.avcodec_get_name(codec.codec_id()).getString();
        return switch (codec.codec_type()) {
            case avutil.AVMEDIA_TYPE_AUDIO ->
                new StreamInfo(
                        index,
                        "audio",
                        codecName,
                        codec.sample_rate(),
                        codec.ch_layout().nb_channels(),
                        null,
                        null,
                        null);
            case avutil.AVMEDIA_TYPE_VIDEO ->
                new StreamInfo(
                        index,
                        "video",
                        codecName,
                        null,
                        null,
                        codec.width(),
                        codec.height(),
                        frameRate(stream.avg_frame_rate()));
            case avutil.AVMEDIA_TYPE_SUBTITLE ->
                new StreamInfo(index, "subtitle", codecName, null, null, null, null, null);
            default -> new StreamInfo(index, "data", codecName, null, null, null, null, null);
        };
    }

    private static Double frameRate(AVRational rate) {
        return rate.num() > 0 && rate.den() > 0 ? avutil.av_q2d(rate) : null;
    }
}
