package dev.shabdam.pipeline.media;

import dev.shabdam.speech.AudioFormat;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Mono float audio into the bytes of a WAV (in Java), MP3 (LAME) or Ogg Opus file (FFmpeg through javacv). */
public final class AudioEncoder {
    /** Opus runs at 48 kHz only; FFmpeg resamples on the way in. */
    private static final int OPUS_RATE = 48_000;

    private AudioEncoder() {}

    public static byte[] encode(float[] samples, int sampleRate, AudioFormat format) throws IOException {
        return switch (format) {
            case WAV -> WavWriter.toBytes(samples, sampleRate);
            case MP3 -> withFfmpeg(samples, sampleRate, "mp3", avcodec.AV_CODEC_ID_MP3, sampleRate, 64_000);
            case OGG -> withFfmpeg(samples, sampleRate, "ogg", avcodec.AV_CODEC_ID_OPUS, OPUS_RATE, 48_000);
        };
    }

    private static byte[] withFfmpeg(
            float[] samples, int sampleRate, String container, int codec, int codecRate, int bitRate)
            throws IOException {
        Path file = Files.createTempFile("shabdam-encode-", "." + container);
        try {
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
                recorder.setFormat(container);
                recorder.setAudioCodec(codec);
                recorder.setSampleRate(codecRate);
                recorder.setAudioBitrate(bitRate);
                recorder.start();
                recorder.recordSamples(sampleRate, 1, FloatBuffer.wrap(samples));
                recorder.stop();
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
