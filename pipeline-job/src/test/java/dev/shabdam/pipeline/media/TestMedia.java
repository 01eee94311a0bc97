package dev.shabdam.pipeline.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Media fixtures that tests make themselves, so no binary files live in git and every property a
 * test asserts (rate, channels, length) is stated in the test. Copy the idea freely.
 */
public final class TestMedia {
    private TestMedia() {}

    /** A 16-bit PCM WAV of a sine tone at half scale, written by {@link WavWriter} (no FFmpeg involved). */
    public static Path wav(Path file, int sampleRateHz, int channels, double seconds, double toneHz)
            throws IOException {
        float[] tone = new float[(int) Math.round(sampleRateHz * seconds)];
        for (int i = 0; i < tone.length; i++) {
            short sample = (short) (0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * toneHz * i / sampleRateHz));
            tone[i] = sample / 32768f; // exactly representable: the writer gives back this very 16-bit value
        }
        float[][] planes = new float[channels][];
        Arrays.fill(planes, tone);
        WavWriter.write(file, new DecodedAudio(sampleRateHz, planes), WavWriter.Encoding.PCM_16);
        return file;
    }

    /**
     * An MP4 with MPEG-4 Part 2 video (320x240, 25 fps, moving grey levels) and AAC audio (44.1 kHz mono
     * tone). FFmpeg writes the index (moov atom) at the end, as most cameras and encoders do.
     */
    public static Path mp4(Path file, double seconds) throws IOException {
        int width = 320;
        int height = 240;
        int fps = 25;
        int sampleRate = 44_100;
        FfmpegMediaProbe.quietLogs();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 1)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(400_000);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(sampleRate);
            recorder.setAudioChannels(1);
            recorder.start();
            Frame image = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            int samplesPerFrame = sampleRate / fps;
            int frames = (int) Math.round(seconds * fps);
            for (int f = 0; f < frames; f++) {
                ByteBuffer pixels = (ByteBuffer) image.image[0];
                byte grey = (byte) (f * 255 / frames);
                for (int i = 0; i < pixels.capacity(); i++) {
                    pixels.put(i, grey);
                }
                recorder.record(image);
                short[] samples = new short[samplesPerFrame];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) (0.3
                            * Short.MAX_VALUE
                            * Math.sin(2 * Math.PI * 440 * (f * samplesPerFrame + i) / sampleRate));
                }
                recorder.recordSamples(sampleRate, 1, ShortBuffer.wrap(samples));
            }
            recorder.stop();
        }
        return file;
    }

    /**
     * Hours of media for a few MB and a second of work, made with the ffmpeg CLI: a one-minute piece
     * (a 220 Hz tone at half scale for its first second, then silence; mono or stereo; with {@code video}, a 64x64
     * MPEG-4 picture at 1 fps beside it) is encoded once, FLAC in Matroska, and repeated
     * {@code minutes} times by the concat demuxer with stream copy, timestamps running on.
     */
    public static Path longMedia(Path file, int minutes, int sampleRateHz, int channels, boolean video)
            throws IOException, InterruptedException {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("mono or stereo, not " + channels + " channels");
        }
        Path piece = file.resolveSibling("piece-" + file.getFileName());
        Path list = file.resolveSibling("pieces-" + file.getFileName() + ".txt");
        List<String> encode = new ArrayList<>(List.of(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=220:sample_rate=" + sampleRateHz + ":duration=60:samples_per_frame="
                        + sampleRateHz / 10));
        if (video) {
            encode.addAll(List.of("-f", "lavfi", "-i", "color=c=gray:s=64x64:r=1:d=60", "-c:v", "mpeg4", "-g", "60"));
        }
        // the sine source is at 1/8 scale; the same signal in every channel, not an up-mix's −3 dB
        String layout = channels == 1 ? "pan=mono|c0=c0" : "pan=stereo|c0=c0|c1=c0";
        encode.addAll(List.of(
                "-af",
                "volume='if(lt(t,1),4,0)':eval=frame," + layout,
                "-sample_fmt",
                "s16",
                "-c:a",
                "flac",
                piece.toString()));
        ffmpeg(encode);
        Files.write(list, Collections.nCopies(minutes, "file '" + piece.getFileName() + "'"));
        ffmpeg(List.of("-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", file.toString()));
        Files.delete(piece);
        Files.delete(list);
        return file;
    }

    private static void ffmpeg(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", command) + "\n" + log);
        }
    }

    /** The first half of a file, as an interrupted upload leaves it. */
    public static Path firstHalf(Path source, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        return Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /**
     * A copy of an MP4 whose headers are intact but whose media data (the payload of the mdat atom)
     * is overwritten with noise: it opens, but no frame decodes.
     */
    public static Path mp4WithNoiseForData(Path source, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Random random = new Random(7);
        int at = 0;
        while (at + 8 <= bytes.length) {
            long size = Integer.toUnsignedLong(buf.getInt(at));
            String type = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("mdat")) {
                for (int i = at + 8; i < at + size; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                return Files.write(file, bytes);
            }
            at += (int) size;
        }
        throw new IllegalArgumentException(source + " has no mdat atom");
    }

    public static Path randomBytes(Path file, int length, long seed) throws IOException {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    public static Path empty(Path file) throws IOException {
        return Files.write(file, new byte[0]);
    }

    /** A valid SubRip file: media FFmpeg can open that has neither audio nor video. */
    public static Path subtitles(Path file) throws IOException {
        return Files.writeString(
                file,
                "1\n00:00:00,000 --> 00:00:01,500\nNamaskaram\n\n" + "2\n00:00:02,000 --> 00:00:03,000\nSukhamano?\n");
    }
}
