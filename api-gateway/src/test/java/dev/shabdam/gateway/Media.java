package dev.shabdam.gateway;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small media files the tests make themselves. */
public final class Media {
    private Media() {}

    /** A 16 kHz mono 16-bit WAV of {@code samples} samples of a 440 Hz tone. */
    public static byte[] wav(int samples) {
        int dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(16000)
                .putInt(32000)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0)));
        }
        return b.array();
    }

    /** {@code bytes} bytes that start like a FLAC stream: enough for the gateway, which only sniffs. */
    public static byte[] flac(int bytes) {
        byte[] flac = new byte[bytes];
        System.arraycopy("fLaC".getBytes(StandardCharsets.US_ASCII), 0, flac, 0, 4);
        for (int i = 4; i < bytes; i++) {
            flac[i] = (byte) (i * 31);
        }
        return flac;
    }
}
