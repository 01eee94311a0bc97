package dev.shabdam.local;

import dev.shabdam.pipeline.media.TestMedia;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The files of the bad-input corpus: real media made by the ffmpeg command line, then broken the way
 * uploads arrive broken (cut short, headers that lie, indexes missing, other formats in front).
 */
final class BadMedia {
    private final Path dir;

    BadMedia(Path dir) {
        this.dir = dir;
    }

    /** The output of {@code ffmpeg -y <args> <name>}, read back. */
    byte[] ffmpeg(String name, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ffmpeg " + String.join(" ", args) + " failed: " + log);
        }
        return Files.readAllBytes(out);
    }

    /** {@code seconds} of a 16-bit 16 kHz mono sine, written without FFmpeg. */
    byte[] wav(double seconds) throws IOException {
        return Files.readAllBytes(TestMedia.wav(dir.resolve("tone-" + seconds + ".wav"), 16_000, 1, seconds, 300));
    }

    byte[] mp4(double seconds) throws IOException {
        return Files.readAllBytes(TestMedia.mp4(dir.resolve("clip-" + seconds + ".mp4"), seconds));
    }

    /** A canonical 44-byte-header WAV with its RIFF and data sizes both set to {@code size}. */
    static byte[] withWavSizes(byte[] wav, int size) {
        byte[] copy = wav.clone();
        ByteBuffer header = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, size);
        header.putInt(40, size);
        return copy;
    }

    /** A WAV whose fmt chunk says {@code channels} channels at {@code rate} Hz. */
    static byte[] withWavFormat(byte[] wav, short channels, int rate) {
        byte[] copy = wav.clone();
        ByteBuffer header = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort(22, channels);
        header.putInt(24, rate);
        return copy;
    }

    /** The WAV with a LIST/INFO chunk carrying {@code text} (an HTML page, say) between fmt and data. */
    static byte[] withInfoChunk(byte[] wav, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.UTF_8);
        int padded = value.length + (value.length & 1);
        ByteBuffer list = ByteBuffer.allocate(8 + 4 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        list.put("LIST".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + 8 + padded)
                .put("INFO".getBytes(StandardCharsets.US_ASCII))
                .put("ICMT".getBytes(StandardCharsets.US_ASCII))
                .putInt(value.length)
                .put(value);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(wav, 0, 36);
        out.writeBytes(list.array());
        out.write(wav, 36, wav.length - 36);
        byte[] joined = out.toByteArray();
        ByteBuffer.wrap(joined).order(ByteOrder.LITTLE_ENDIAN).putInt(4, joined.length - 8);
        return joined;
    }

    /** An MP4 without its top-level {@code moov} box: the media data is there, its index is not. */
    static byte[] withoutMoov(byte[] mp4) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer boxes = ByteBuffer.wrap(mp4);
        int at = 0;
        while (at + 8 <= mp4.length) {
            int size = boxes.getInt(at);
            String type = new String(mp4, at + 4, 4, StandardCharsets.US_ASCII);
            if (!type.equals("moov")) {
                out.write(mp4, at, size);
            }
            at += size;
        }
        return out.toByteArray();
    }

    /**
     * A Matroska file whose Segment Info says it lasts {@code durationMs}: the Duration element (ID 0x4489)
     * is an 8-byte float written by FFmpeg, overwritten here.
     */
    static byte[] withMatroskaDuration(byte[] mkv, double durationMs) {
        byte[] copy = mkv.clone();
        for (int i = 0; i + 11 <= copy.length; i++) {
            if ((copy[i] & 0xff) == 0x44 && (copy[i + 1] & 0xff) == 0x89 && (copy[i + 2] & 0xff) == 0x88) {
                ByteBuffer.wrap(copy).putDouble(i + 3, durationMs);
                return copy;
            }
        }
        throw new IllegalArgumentException("no 8-byte Duration element in the Matroska file");
    }

    /** {@code prefix} followed by {@code content}: a file that is one format to one reader and another to the next. */
    static byte[] polyglot(byte[] prefix, byte[] content) {
        byte[] joined = Arrays.copyOf(prefix, prefix.length + content.length);
        System.arraycopy(content, 0, joined, prefix.length, content.length);
        return joined;
    }

    static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PDF_START =
            "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] ZIP_END = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
}
