package dev.shabdam.gateway.generation;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One WAV stream made of several WAV files (the sentences of a generation): a header whose RIFF and
 * data sizes are 0xFFFFFFFF (length unknown, as streaming players expect), then the PCM data of each
 * file in turn, flushed after each. Each file's header is parsed, not assumed to be 44 bytes: chunks
 * before {@code data} (LIST, fact, …) are skipped, and every file must have the first one's format.
 */
final class WavStream {
    private static final int UNKNOWN_SIZE = 0xFFFFFFFF;
    private static final int PCM = 1;

    private final OutputStream out;
    private final Flushable flush;
    private PcmFormat format;

    /** @param flush sends what was written so far to the client */
    WavStream(OutputStream out, Flushable flush) {
        this.out = out;
        this.flush = flush;
    }

    boolean started() {
        return format != null;
    }

    /** Appends the PCM data of one WAV file; the stream header goes before the first. */
    void append(InputStream wav) throws IOException {
        DataInputStream in = new DataInputStream(wav);
        expect(in, "RIFF");
        in.readInt(); // the file's size, not needed
        expect(in, "WAVE");
        PcmFormat fileFormat = null;
        while (true) {
            String id = fourCc(in);
            long size = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            if (id.equals("fmt ")) {
                fileFormat = format(in, size);
            } else if (id.equals("data")) {
                start(fileFormat);
                copy(in, size);
                flush.flush();
                return;
            } else {
                in.skipNBytes(size + (size & 1)); // chunks are padded to an even length
            }
        }
    }

    private void start(PcmFormat fileFormat) throws IOException {
        if (fileFormat == null) {
            throw new IOException("a WAV file has no fmt chunk before its data");
        }
        if (format == null) {
            format = fileFormat;
            out.write(header(format));
        } else if (!format.equals(fileFormat)) {
            throw new IOException("a sentence is " + fileFormat + ", the stream is " + format);
        }
    }

    /** Copies the data chunk; a size of 0 or 0xFFFFFFFF (itself streamed) means up to the end. */
    private void copy(InputStream in, long size) throws IOException {
        if (size == 0 || size == Integer.toUnsignedLong(UNKNOWN_SIZE)) {
            in.transferTo(out);
            return;
        }
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return; // a data chunk cut short: what is there is still audio
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static PcmFormat format(DataInputStream in, long size) throws IOException {
        if (size < 16) {
            throw new IOException("a WAV fmt chunk of " + size + " bytes");
        }
        ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes(16)).order(ByteOrder.LITTLE_ENDIAN);
        int encoding = Short.toUnsignedInt(fmt.getShort());
        int channels = Short.toUnsignedInt(fmt.getShort());
        int sampleRate = fmt.getInt();
        fmt.getInt(); // byte rate
        fmt.getShort(); // block align
        int bits = Short.toUnsignedInt(fmt.getShort());
        if (encoding != PCM) {
            throw new IOException("a WAV file that is not linear PCM (format " + encoding + ")");
        }
        in.skipNBytes(size - 16 + (size & 1));
        return new PcmFormat(channels, sampleRate, bits);
    }

    static byte[] header(PcmFormat format) {
        return ByteBuffer.allocate(44)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF"))
                .putInt(UNKNOWN_SIZE)
                .put(ascii("WAVE"))
                .put(ascii("fmt "))
                .putInt(16)
                .putShort((short) PCM)
                .putShort((short) format.channels())
                .putInt(format.sampleRateHz())
                .putInt(format.byteRate())
                .putShort((short) format.blockAlign())
                .putShort((short) format.bitsPerSample())
                .put(ascii("data"))
                .putInt(UNKNOWN_SIZE)
                .array();
    }

    private static void expect(DataInputStream in, String fourCc) throws IOException {
        String found = fourCc(in);
        if (!found.equals(fourCc)) {
            throw new IOException("not a WAV file: " + fourCc + " expected, found " + found);
        }
    }

    private static String fourCc(DataInputStream in) throws IOException {
        byte[] id = in.readNBytes(4);
        if (id.length < 4) {
            throw new EOFException("a WAV file ends before its data chunk");
        }
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
