package dev.shabdam.pipeline.media;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;

/**
 * Puts a dubbed audio track beside the untouched video stream of a file: the video's packets are
 * copied byte for byte (no re-encode, no quality loss, about disk speed), the new audio is encoded to
 * AAC, and the original audio may stay as a second, non-default track.
 *
 * <p>Two steps. The dub is encoded block by block ({@link #dubTrack}, an {@link AudioSink}) into a
 * temporary audio-only MP4, so the dub of a long film never has to be in memory; then {@link #write}
 * interleaves the packets of the input's video (and original audio) and of that file by time into the
 * output. The recorder cannot do it in one pass: it holds a single audio stream, so it could not keep
 * the original audio, and started from an input context it skips its encoder flush, dropping the
 * last AAC frames. The AAC file is small (1 MB a minute), so the extra step costs little next to
 * encoding.
 */
public final class Muxer implements AutoCloseable {
    /** FFmpeg's own default for AAC, so a side-by-side timing compares like with like. */
    public static final int AAC_BIT_RATE = 128_000;
    /** Samples per channel handed to the encoder at a time, so native memory stays small for long media. */
    private static final int CHUNK_FRAMES = 1 << 16;

    private static final AVRational MICROS = avutil.av_make_q(1, 1_000_000);

    static {
        FfmpegMediaProbe.quietLogs();
    }

    private final FFmpegFrameGrabber input;
    private final int videoStream;
    private final int originalAudio;
    private final Path dub;

    private Muxer(FFmpegFrameGrabber input, int videoStream, int originalAudio, Path dub) {
        this.input = input;
        this.videoStream = videoStream;
        this.originalAudio = originalAudio;
        this.dub = dub;
    }

    /**
     * Opens {@code video} to put a dub beside its first video stream; with {@code keepOriginal}, its
     * first audio stream is copied as a second audio track.
     */
    public static Muxer open(Path video, boolean keepOriginal) throws MediaDecodeException, IOException {
        FFmpegFrameGrabber input = open(video);
        try {
            AVFormatContext inputContext = input.getFormatContext();
            int videoStream = firstStream(inputContext, avutil.AVMEDIA_TYPE_VIDEO);
            if (videoStream < 0) {
                throw new MediaDecodeException("the file has no video stream to put the dubbed audio beside");
            }
            int originalAudio = keepOriginal ? firstStream(inputContext, avutil.AVMEDIA_TYPE_AUDIO) : -1;
            return new Muxer(input, videoStream, originalAudio, Files.createTempFile("shabdam-dub-", ".mp4"));
        } catch (MediaDecodeException | IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * Writes {@code out} (its container follows its extension, e.g. {@code .mp4}) with the first video
     * stream of {@code video} copied and {@code audio} (planar float, −1..1, at {@code rate} Hz) as the
     * default audio track: {@link #open}, {@link #dubTrack} and {@link #write} for audio already in memory.
     */
    public static void mux(Path video, float[][] audio, int rate, Path out, boolean keepOriginal)
            throws MediaDecodeException, IOException {
        try (Muxer muxer = open(video, keepOriginal)) {
            try (AudioSink track = muxer.dubTrack(rate, audio.length)) {
                track.write(new DecodedAudio(rate, audio));
                track.finish();
            }
            muxer.write(out);
        }
    }

    /**
     * The dub's audio track, taken block by block and encoded to AAC as it comes, padded with silence
     * or cut to the input's duration so that the output is exactly as long as the input. Opening it
     * again starts the track afresh (a mix that needs a second pass writes it twice).
     */
    public AudioSink dubTrack(int rate, int channels) throws IOException {
        long durationMicros = input.getLengthInTime();
        long frames = durationMicros > 0 ? durationMicros * rate / 1_000_000L : Long.MAX_VALUE;
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(dub.toFile(), channels);
        recorder.setFormat("mp4");
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(rate);
        recorder.setAudioBitrate(AAC_BIT_RATE);
        try {
            recorder.start();
        } catch (IOException | RuntimeException e) {
            recorder.close();
            throw e;
        }
        return new AacTrack(recorder, rate, channels, frames);
    }

    /** Interleaves the video (and original audio) with the dub track last written by {@link #dubTrack} into {@code out}. */
    public void write(Path out) throws MediaDecodeException, IOException {
        try (FFmpegFrameGrabber dubInput = open(dub)) {
            List<PacketSource> sources = List.of(
                    new PacketSource(input, streamMap(input.getFormatContext(), videoStream, 0, originalAudio, 2)),
                    new PacketSource(dubInput, streamMap(dubInput.getFormatContext(), 0, 1, -1, -1)));
            interleave(sources, out);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            input.close();
        } finally {
            Files.deleteIfExists(dub);
        }
    }

    private static FFmpegFrameGrabber open(Path file) throws MediaDecodeException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
            return grabber;
        } catch (IOException e) {
            throw new MediaDecodeException("not a readable video file: " + e.getMessage(), e);
        }
    }

    /** The first stream of a type, leaving out cover pictures (which MP4 and MKV store as video). */
    private static int firstStream(AVFormatContext context, int mediaType) {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.codecpar().codec_type() == mediaType
                    && (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Output stream index for each input stream: {@code first → firstOut}, {@code second → secondOut}, the rest −1. */
    private static int[] streamMap(AVFormatContext context, int first, int firstOut, int second, int secondOut) {
        int[] map = new int[context.nb_streams()];
        Arrays.fill(map, -1);
        map[first] = firstOut;
        if (second >= 0) {
            map[second] = secondOut;
        }
        return map;
    }

    /** The AAC encoder of the dub, fed in chunks through direct buffers and fitted to {@code frames}. */
    private static final class AacTrack implements AudioSink {
        private final FFmpegFrameRecorder recorder;
        private final int rate;
        private final long frames;
        // direct buffers: javacpp reads them in place, where a heap buffer is copied whole on every call
        private final FloatBuffer[] planes;
        private long written;

        AacTrack(FFmpegFrameRecorder recorder, int rate, int channels, long frames) {
            this.recorder = recorder;
            this.rate = rate;
            this.frames = frames;
            this.planes = new FloatBuffer[channels];
            for (int c = 0; c < channels; c++) {
                planes[c] = ByteBuffer.allocateDirect(CHUNK_FRAMES * Float.BYTES)
                        .order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
            }
        }

        @Override
        public void write(DecodedAudio block) throws IOException {
            int wanted = (int) Math.min(block.frames(), frames - written);
            for (int from = 0; from < wanted; from += CHUNK_FRAMES) {
                int n = Math.min(CHUNK_FRAMES, wanted - from);
                for (int c = 0; c < planes.length; c++) {
                    planes[c].clear();
                    planes[c].put(block.channels()[c], from, n).flip();
                }
                encode();
            }
            written += wanted;
        }

        /** Pads the track with silence up to the input's duration and finishes the file. */
        @Override
        public void finish() throws IOException {
            float[] silence = new float[CHUNK_FRAMES];
            while (frames != Long.MAX_VALUE && written < frames) {
                int n = (int) Math.min(CHUNK_FRAMES, frames - written);
                for (FloatBuffer plane : planes) {
                    plane.clear();
                    plane.put(silence, 0, n).flip();
                }
                encode();
                written += n;
            }
            recorder.stop();
        }

        @Override
        public void close() throws IOException {
            recorder.close();
        }

        private void encode() throws IOException {
            recorder.recordSamples(rate, planes.length, planes);
        }
    }

    /** Copies the mapped streams of every source into {@code out}, in time order, rescaling timestamps only. */
    private static void interleave(List<PacketSource> sources, Path out) throws IOException {
        AVFormatContext output = new AVFormatContext(null);
        check(avformat_alloc_output_context2(output, null, null, out.toString()), "cannot write a file named " + out);
        try {
            addStreams(sources, output);
            if ((output.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext io = new AVIOContext(null);
                check(avio_open(io, out.toString(), AVIO_FLAG_WRITE), "cannot open " + out + " for writing");
                output.pb(io);
            }
            check(avformat_write_header(output, (AVDictionary) null), "cannot write the header");
            List<PacketSource> live = new ArrayList<>();
            for (PacketSource source : sources) {
                if (source.advance()) {
                    live.add(source);
                }
            }
            while (!live.isEmpty()) {
                PacketSource next = live.get(0);
                for (PacketSource source : live) {
                    if (source.pendingMicros() < next.pendingMicros()) {
                        next = source;
                    }
                }
                next.writePending(output);
                if (!next.advance()) {
                    live.remove(next);
                }
            }
            check(av_write_trailer(output), "cannot finish the file");
        } finally {
            if (output.pb() != null && !output.pb().isNull()) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
        }
    }

    /**
     * Output stream k copies the codec parameters of the input stream mapped to k. The first stream of
     * each type is the default one (players pick the dub), later ones are not.
     */
    private static void addStreams(List<PacketSource> sources, AVFormatContext output) throws IOException {
        boolean[] typeSeen = new boolean[avutil.AVMEDIA_TYPE_NB];
        for (int k = 0; ; k++) {
            AVStream in = null;
            for (PacketSource source : sources) {
                in = in != null ? in : source.mappedTo(k);
            }
            if (in == null) {
                return;
            }
            AVStream out = avformat_new_stream(output, null);
            check(avcodec.avcodec_parameters_copy(out.codecpar(), in.codecpar()), "cannot copy stream parameters");
            // the input container's codec tag may mean nothing in the output's: let the muxer choose
            out.codecpar().codec_tag(0);
            out.time_base(in.time_base());
            int type = in.codecpar().codec_type();
            out.disposition(typeSeen[type] ? 0 : avformat.AV_DISPOSITION_DEFAULT);
            typeSeen[type] = true;
        }
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            throw new IOException(what + " (FFmpeg error " + ret + ")");
        }
    }

    /** One input's packets, and where each of its streams goes in the output (−1: left out). */
    private static final class PacketSource {
        private final FFmpegFrameGrabber grabber;
        private final int[] target;
        private AVPacket pending;

        PacketSource(FFmpegFrameGrabber grabber, int[] target) {
            this.grabber = grabber;
            this.target = target;
        }

        /** The input stream that goes to output stream {@code out}, or null. */
        AVStream mappedTo(int out) {
            for (int in = 0; in < target.length; in++) {
                if (target[in] == out) {
                    return grabber.getFormatContext().streams(in);
                }
            }
            return null;
        }

        boolean advance() throws IOException {
            while ((pending = grabber.grabPacket()) != null) {
                int stream = pending.stream_index();
                if (stream < target.length && target[stream] >= 0) {
                    return true;
                }
                avcodec.av_packet_unref(pending);
            }
            return false;
        }

        long pendingMicros() {
            long time = pending.dts() != avutil.AV_NOPTS_VALUE ? pending.dts() : pending.pts();
            return avutil.av_rescale_q(time, inputStream().time_base(), MICROS);
        }

        void writePending(AVFormatContext output) throws IOException {
            AVStream out = output.streams(target[pending.stream_index()]);
            avcodec.av_packet_rescale_ts(pending, inputStream().time_base(), out.time_base());
            pending.stream_index(out.index());
            pending.pos(-1);
            // takes the packet's data over and leaves it blank for the next read
            check(av_interleaved_write_frame(output, pending), "cannot write a packet");
        }

        private AVStream inputStream() {
            return grabber.getFormatContext().streams(pending.stream_index());
        }
    }
}
