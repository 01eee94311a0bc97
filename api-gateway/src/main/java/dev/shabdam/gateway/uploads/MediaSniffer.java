package dev.shabdam.gateway.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises media containers by their magic numbers. The gateway never decodes media: this only
 * decides whether an upload is worth queueing and which size limit applies; the pipeline probes it.
 */
public final class MediaSniffer {
    /**
     * How much of an upload is looked at before it is stored: the signatures, and the track list of an MP4 written
     * for streaming or of a Matroska file, which decides audio or video (and so the size limit) while the
     * rest of the upload streams. Held once per part being received.
     */
    public static final int HEADER_BYTES = 64 * 1024;

    private static final int TS_PACKET = 188;
    /** Three MPEG-TS packets: the sync byte repeating at their starts tells a transport stream. */
    private static final int TS_CHECKED = 3 * TS_PACKET;

    private MediaSniffer() {}

    public static Optional<MediaFormat> sniff(byte[] header) {
        return Optional.ofNullable(format(header));
    }

    private static MediaFormat format(byte[] h) {
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "WAVE")) {
            return MediaFormat.audio("wav");
        }
        if (ascii(h, 0, "RIFF") && ascii(h, 8, "AVI ")) {
            return MediaFormat.video("avi");
        }
        if (ascii(h, 0, "fLaC")) {
            return MediaFormat.audio("flac");
        }
        if (ascii(h, 0, "OggS")) {
            return MediaFormat.audio("ogg");
        }
        if (ascii(h, 0, "ID3")) {
            return MediaFormat.audio("mp3");
        }
        if (ascii(h, 4, "ftyp")) {
            return isoBaseMedia(h);
        }
        if (bytes(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return matroska(h);
        }
        if (ascii(h, 0, "FLV") && h.length > 3 && h[3] == 1) {
            return MediaFormat.video("flv");
        }
        if (isTransportStream(h)) {
            return MediaFormat.video("ts");
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xF0) == 0xF0 && (h[1] & 0x06) == 0) {
            return MediaFormat.audio("aac"); // ADTS: 12-bit sync, layer bits 00
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0) {
            return MediaFormat.audio("mp3"); // MPEG audio frame: 11-bit sync, layer bits not 00
        }
        return null;
    }

    /**
     * MP4, M4A and QuickTime share the {@code ftyp} box; the major brand tells them apart, and a file whose
     * tracks are sound only ({@link IsoTracks}) is audio whatever its brand.
     */
    private static MediaFormat isoBaseMedia(byte[] h) {
        String brand = h.length >= 12 ? new String(h, 8, 4, StandardCharsets.US_ASCII) : "";
        return switch (brand) {
            case "M4A ", "M4B ", "M4P ", "F4A " -> MediaFormat.audio("m4a");
            case "qt  " -> IsoTracks.soundOnly(h) ? MediaFormat.audio("mov") : MediaFormat.video("mov");
            default -> IsoTracks.soundOnly(h) ? MediaFormat.audio("m4a") : MediaFormat.video("mp4");
        };
    }

    /** Matroska or WebM by the EBML DocType; audio when its track list holds audio tracks only ({@link MatroskaTracks}). */
    private static MediaFormat matroska(byte[] h) {
        boolean webm = MatroskaTracks.docType(h).equals("webm");
        if (MatroskaTracks.audioOnly(h)) {
            return MediaFormat.audio(webm ? "webm" : "mka");
        }
        return MediaFormat.video(webm ? "webm" : "mkv");
    }

    /** The 0x47 sync byte repeats every 188 bytes; one lone 0x47 is too weak a signal. */
    private static boolean isTransportStream(byte[] h) {
        if (h.length <= TS_PACKET || h[0] != 0x47) {
            return false;
        }
        for (int at = TS_PACKET; at < Math.min(h.length, TS_CHECKED); at += TS_PACKET) {
            if (h[at] != 0x47) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] h, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return h.length >= offset + expected.length
                && Arrays.equals(h, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean bytes(byte[] h, int offset, int... expected) {
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
