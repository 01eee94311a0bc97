package dev.shabdam.pipeline.synthesis.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** RIFF/WAVE, PCM 16-bit little-endian, mono. */
public final class WavWriter {

    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    public static byte[] toBytes(Audio audio) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + 2 * audio.samples().length);
        try {
            write(audio, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a byte array
        }
        return out.toByteArray();
    }

    public static void write(Audio audio, OutputStream out) throws IOException {
        short[] pcm = audio.toPcm16();
        int dataBytes = 2 * pcm.length;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1)                 // PCM
                .putShort((short) 1)                 // mono
                .putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * 2)      // byte rate
                .putShort((short) 2)                 // block align
                .putShort((short) 16)                // bits per sample
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short s : pcm) {
            b.putShort(s);
        }
        out.write(b.array());
    }
}
