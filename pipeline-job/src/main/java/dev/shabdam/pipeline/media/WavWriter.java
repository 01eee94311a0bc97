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
 *
 * <p>A RIFF chunk size has 32 bits, so a WAV holds at most 4 GB: four hours of 5.1 at 48 kHz, within the
 * media a dub accepts, is 8.3 GB. Audio beyond that is written as RF64 (EBU Tech 3306: the same file
 * with 64-bit sizes in a {@code ds64} chunk), which FFmpeg, sox and broadcast tools read.
 */
public final class WavWriter {
    /** The most sample bytes a plain RIFF WAV can declare: its RIFF size (data + 36 header bytes) must fit 32 bits. */
    static final long MAX_RIFF_DATA_BYTES = 0xFFFF_FFFFL - 36;

    /** Sample encodings a WAV file can carry here. */
    public enum Encoding {
        PCM_16(1, 2),
        FLOAT_32(3, 4);

        final int formatTag;
        final int bytesPerSample;

        Encoding(int formatTag, int bytesPerSample) {
            this.formatTag = formatTag;
            this.bytesPerSample = bytesPerSample;
        }
    }

    private WavWriter() {}

    public static void write(Path path, DecodedAudio audio, Encoding encoding) throws IOException {
        try (AudioSink wav = open(path, audio.sampleRate(), audio.channelCount(), encoding, audio.frames())) {
            wav.write(audio);
            wav.finish();
        }
    }

    /** Writes the whole file to {@code out} (not closed). */
    public static void write(OutputStream out, DecodedAudio audio, Encoding encoding) throws IOException {
        out.write(header(
                audio.sampleRate(),
                audio.channelCount(),
                encoding,
                dataBytes(audio.frames(), audio.channelCount(), encoding)));
        writeSamples(out, audio, encoding);
    }

    /**
     * A WAV file written block by block, so that long audio never has to be in memory: the header
     * declares {@code frames} frames up front, and {@link AudioSink#finish()} fails unless exactly that
     * many were written.
     */
    public static AudioSink open(Path path, int sampleRate, int channels, Encoding encoding, long frames)
            throws IOException {
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
            public void finish() throws IOException {
                out.flush();
                if (written != frames) {
                    throw new IOException("the WAV file " + path.getFileName() + " declares " + frames
                            + " frames but got " + written);
                }
            }

            @Override
            public void close() throws IOException {
                out.close();
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
            throw new UncheckedIOException(e); // a byte array cannot fail
        }
        return out.toByteArray();
    }

    private static long dataBytes(long frames, int channels, Encoding encoding) {
        return frames * channels * encoding.bytesPerSample;
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

    static byte[] header(int sampleRate, int channels, Encoding encoding, long dataBytes) {
        return header(sampleRate, channels, encoding, dataBytes, dataBytes > MAX_RIFF_DATA_BYTES);
    }

    /** A RIFF header, or with {@code rf64} an RF64 one whose 32-bit sizes are all ones and whose real sizes are in ds64. */
    static byte[] header(int sampleRate, int channels, Encoding encoding, long dataBytes, boolean rf64) {
        int ds64Bytes = rf64 ? 8 + 28 : 0;
        ByteBuffer h = ByteBuffer.allocate(44 + ds64Bytes).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * encoding.bytesPerSample;
        long riffBytes = 36 + ds64Bytes + dataBytes;
        h.put(ascii(rf64 ? "RF64" : "RIFF")).putInt(rf64 ? -1 : (int) riffBytes);
        h.put(ascii("WAVE"));
        if (rf64) {
            h.put(ascii("ds64"))
                    .putInt(28)
                    .putLong(riffBytes)
                    .putLong(dataBytes)
                    .putLong(dataBytes / blockAlign)
                    .putInt(0);
        }
        h.put(ascii("fmt ")).putInt(16);
        h.putShort((short) encoding.formatTag)
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign)
                .putShort((short) (encoding.bytesPerSample * 8));
        h.put(ascii("data")).putInt(rf64 ? -1 : (int) dataBytes);
        return h.array();
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
