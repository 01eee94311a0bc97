package dev.shabdam.pipeline.media;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes RIFF/WAVE files in pure Java: 16-bit PCM or 32-bit IEEE float, any channel count, to a file
 * (whole, or block by block), a stream or (mono 16-bit, for synthesised speech) a byte array. Also used to make fixtures and
 * benchmark inputs without native tools.
 */
public final class WavWriter {
    /** Sample encodings a WAV file can carry here. */
    public enum Encoding {
        PCM_16(1, 2), FLOAT_32(3, 4);

        final int formatTag;
        final int bytesPerSample;

        Encoding(int formatTag, int bytesPerSample) {
            this.formatTag = formatTag;
            this.bytesPerSample = bytesPerSample;
        }
    }

    private WavWriter() {
    }

    public static void write(Path path, DecodedAudio audio, Encoding encoding) throws IOException {
        try (AudioSink wav = open(path, audio.sampleRate(), audio.channelCount(), encoding, audio.frames())) {
            wav.write(audio);
        }
    }

    /** Writes the whole file to {@code out} (not closed). */
    public static void write(OutputStream out, DecodedAudio audio, Encoding encoding) throws IOException {
        out.write(header(audio.sampleRate(), audio.channelCount(), encoding, dataBytes(audio.frames(), audio.channelCount(), encoding)));
        writeSamples(out, audio, encoding);
    }

    /**
     * A WAV file written block by block, so that long audio never has to be in memory: the header
     * declares {@code frames} frames up front, and {@link AudioSink#close()} fails unless exactly that
     * many were written.
     */
    public static AudioSink open(Path path, int sampleRate, int channels, Encoding encoding, long frames) throws IOException {
        byte[] header = header(sampleRate, channels, encoding, dataBytes(frames, channels, encoding));
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(header);
        return new AudioSink() {
            private long written;

            @Override
            public void write(DecodedAudio block) throws IOException {
                if (block.channelCount() != channels || block.sampleRate() != sampleRate) {
                    throw new IllegalArgumentException("a block of " + block.channelCount() + " channels at "
                            + block.sampleRate() + " Hz in a WAV of " + channels + " at " + sampleRate);
                }
                writeSamples(out, block, encoding);
                written += block.frames();
            }

            @Override
            public void close() throws IOException {
                out.close();
                if (written != frames) {
                    throw new IOException("the WAV file " + path + " declares " + frames + " frames but got " + written);
                }
            }
        };
    }

    /** A mono 16-bit PCM WAV in memory; samples beyond ±1 are clipped, not wrapped. */
    public static byte[] toBytes(float[] samples, int sampleRate) {
        DecodedAudio audio = DecodedAudio.mono(sampleRate, samples);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + samples.length * Encoding.PCM_16.bytesPerSample);
        try {
            write(out, audio, Encoding.PCM_16);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // too long for one WAV file; a byte array itself cannot fail
        }
        return out.toByteArray();
    }

    private static long dataBytes(long frames, int channels, Encoding encoding) throws IOException {
        long dataBytes = frames * channels * encoding.bytesPerSample;
        if (dataBytes > 0xFFFF_FFFFL - 36) {
            throw new IOException("too much audio for one WAV file: " + dataBytes + " bytes");
        }
        return dataBytes;
    }

    /** The samples, interleaved chunk by chunk so that no second buffer as long as the audio is ever made. */
    private static void writeSamples(OutputStream out, DecodedAudio audio, Encoding encoding) throws IOException {
        int chunkFrames = 8192;
        ByteBuffer chunk = ByteBuffer.allocate(chunkFrames * audio.channelCount() * encoding.bytesPerSample)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < audio.frames(); start += chunkFrames) {
            int end = Math.min(start + chunkFrames, audio.frames());
            chunk.clear();
            for (int i = start; i < end; i++) {
                for (float[] channel : audio.channels()) {
                    put(chunk, channel[i], encoding);
                }
            }
            out.write(chunk.array(), 0, chunk.position());
        }
    }

    private static void put(ByteBuffer chunk, float sample, Encoding encoding) {
        if (encoding == Encoding.FLOAT_32) {
            chunk.putFloat(sample);
        } else {
            float clamped = Math.max(-1f, Math.min(1f, sample));
            chunk.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(clamped * 32768f))));
        }
    }

    private static byte[] header(int sampleRate, int channels, Encoding encoding, long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * encoding.bytesPerSample;
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) encoding.formatTag).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) (encoding.bytesPerSample * 8));
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.array();
    }
}
