package dev.shabdam.gateway.uploads;

import java.nio.charset.StandardCharsets;

/**
 * The first elements of a Matroska or WebM file (EBML): its document type, and whether its track list
 * holds audio tracks only. The {@code Tracks} element comes before the first {@code Cluster} of media,
 * within the first kilobytes of a file written by FFmpeg or mkvmerge.
 */
final class MatroskaTracks {
    private static final long EBML_HEADER = 0x1A45DFA3L;
    private static final long DOC_TYPE = 0x4282L;
    private static final long SEGMENT = 0x18538067L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long TRACK_TYPE = 0x83L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long AUDIO = 2;

    private MatroskaTracks() {}

    /** The DocType of the EBML header ({@code webm}, {@code matroska}), empty when {@code h} does not show it. */
    static String docType(byte[] h) {
        Element header = Element.at(h, 0, h.length);
        if (header == null || header.id() != EBML_HEADER) {
            return "";
        }
        for (Element child = header.first(h); child != null; child = child.next(h, header.visibleEnd(h))) {
            if (child.id() == DOC_TYPE && child.end() <= h.length) {
                return new String(h, child.data(), (int) (child.end() - child.data()), StandardCharsets.US_ASCII)
                        .strip();
            }
        }
        return "";
    }

    /** True when {@code h} holds the whole {@code Tracks} element and every track in it is audio. */
    static boolean audioOnly(byte[] h) {
        Element header = Element.at(h, 0, h.length);
        Element segment =
                header == null || header.end() > h.length ? null : Element.at(h, (int) header.end(), h.length);
        if (segment == null || segment.id() != SEGMENT) {
            return false;
        }
        for (Element child = segment.first(h); child != null; child = child.next(h, h.length)) {
            if (child.id() == TRACKS) {
                return child.end() <= h.length && allAudio(h, child);
            }
            if (child.id() == CLUSTER) {
                return false; // media before any track list
            }
        }
        return false;
    }

    private static boolean allAudio(byte[] h, Element tracks) {
        int entries = 0;
        for (Element entry = tracks.first(h); entry != null; entry = entry.next(h, (int) tracks.end())) {
            if (entry.id() == TRACK_ENTRY) {
                entries++;
                if (trackType(h, entry) != AUDIO) {
                    return false;
                }
            }
        }
        return entries > 0;
    }

    private static long trackType(byte[] h, Element entry) {
        for (Element field = entry.first(h); field != null; field = field.next(h, (int) entry.end())) {
            if (field.id() == TRACK_TYPE) {
                if (field.end() > Math.min(entry.end(), h.length) || field.end() - field.data() > Long.BYTES) {
                    return -1; // a field that lies about its size
                }
                long type = 0;
                for (int i = field.data(); i < field.end(); i++) {
                    type = (type << 8) | (h[i] & 0xFF);
                }
                return type;
            }
        }
        return -1;
    }

    /**
     * An EBML element whose id and size lie inside {@code h}: its id (marker bits kept, as the spec writes ids),
     * where its data begins and where it ends; an unknown size (a live stream's Segment) ends with the file.
     */
    private record Element(long id, int data, long end) {

        static Element at(byte[] h, int at, int limit) {
            int idLength = length(h, at, limit);
            if (idLength == 0 || idLength > 4) {
                return null;
            }
            int sizeAt = at + idLength;
            int sizeLength = length(h, sizeAt, limit);
            if (sizeLength == 0) {
                return null;
            }
            long id = 0;
            for (int i = at; i < sizeAt; i++) {
                id = (id << 8) | (h[i] & 0xFF);
            }
            long size = h[sizeAt] & (0xFF >> sizeLength);
            boolean unknown = size == (0xFF >> sizeLength);
            for (int i = sizeAt + 1; i < sizeAt + sizeLength; i++) {
                size = (size << 8) | (h[i] & 0xFF);
                unknown &= (h[i] & 0xFF) == 0xFF;
            }
            int data = sizeAt + sizeLength;
            return new Element(id, data, unknown ? Long.MAX_VALUE : data + size);
        }

        /** The length of the variable-length integer at {@code at}: its leading zero bits + 1; 0 when it does not fit. */
        private static int length(byte[] h, int at, int limit) {
            if (at >= limit || h[at] == 0) {
                return 0;
            }
            int length = Integer.numberOfLeadingZeros(h[at] & 0xFF) - 23;
            return at + length <= limit ? length : 0;
        }

        Element first(byte[] h) {
            return at(h, data, visibleEnd(h));
        }

        Element next(byte[] h, int limit) {
            return end >= Math.min(limit, h.length) ? null : at(h, (int) end, Math.min(limit, h.length));
        }

        int visibleEnd(byte[] h) {
            return (int) Math.min(end, h.length);
        }
    }
}
