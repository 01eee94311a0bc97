package dev.shabdam.pipeline.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mono float track written to a temporary file as it streams past, for the stages that must go
 * back to stretches of it once the whole has been seen: voice quality reads the voiced runs that
 * the voice activity decided on at the end, transcription reads each utterance the segmenter cut.
 * Heap stays at one write buffer; disk takes 4 bytes a sample (3.8 MB a minute at 16 kHz). The file
 * is deleted on {@link #close()}.
 */
public final class TrackSpill implements MonoTrack, AutoCloseable {
    private static final int BUFFER_SAMPLES = 1 << 14;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SAMPLES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long length;

    private TrackSpill(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    public static TrackSpill create() throws IOException {
        Path file = Files.createTempFile("shabdam-track-", ".f32");
        try {
            return new TrackSpill(file);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Appends {@code x[from, to)}. */
    public void append(float[] x, int from, int to) throws IOException {
        if (length + (to - from) > Integer.MAX_VALUE) {
            throw new IOException("a spilled track holds at most " + Integer.MAX_VALUE + " samples");
        }
        for (int i = from; i < to; i++) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            buffer.putFloat(x[i]);
        }
        length += to - from;
    }

    @Override
    public int length() {
        return (int) length;
    }

    @Override
    public float[] read(int from, int count) {
        try {
            flush();
            ByteBuffer bytes = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            long position = (long) from * Float.BYTES;
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, position + bytes.position()) < 0) {
                    throw new IOException("the spilled track ends before sample " + (from + count));
                }
            }
            float[] samples = new float[count];
            bytes.flip().asFloatBuffer().get(samples);
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the spilled track " + file, e);
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer, channel.size());
        }
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
