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
 * the voice activity decided on at the end, transcription reads each speech span the segmenter cut.
 * Heap stays at one write buffer; disk takes 4 bytes a sample (3.8 MB a minute at 16 kHz). The file
 * is deleted on {@link #close()}.
 */
public final class TrackSpill implements MonoTrack, AutoCloseable {
    private static final int BUFFER_SAMPLES = 1 << 14;

    private final Path file;
    private final FileChannel channel;
    private final float[] buffered = new float[BUFFER_SAMPLES];
    private final ByteBuffer bytes =
            ByteBuffer.allocate(BUFFER_SAMPLES * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private int count;
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
        for (int at = from; at < to; ) {
            if (count == buffered.length) {
                flush();
            }
            int n = Math.min(buffered.length - count, to - at);
            System.arraycopy(x, at, buffered, count, n);
            count += n;
            length += n;
            at += n;
        }
    }

    @Override
    public int length() {
        return (int) length;
    }

    @Override
    public float[] read(int from, int n) {
        try {
            flush();
            ByteBuffer stretch = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            long position = (long) from * Float.BYTES;
            while (stretch.hasRemaining()) {
                if (channel.read(stretch, position + stretch.position()) < 0) {
                    throw new IOException("the spilled track ends before sample " + (from + n));
                }
            }
            float[] samples = new float[n];
            stretch.flip().asFloatBuffer().get(samples);
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the spilled track " + file, e);
        }
    }

    private void flush() throws IOException {
        bytes.clear();
        bytes.asFloatBuffer().put(buffered, 0, count);
        bytes.limit(count * Float.BYTES);
        long position = (length - count) * Float.BYTES;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        count = 0;
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
