package dev.shabdam.gateway.uploads;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracks of an MP4, M4A or QuickTime file, as far as its first bytes show them: whether it carries sound
 * and nothing that is video. ISO base media files keep their track list in the {@code moov} box, each
 * track's kind in {@code trak/mdia/hdlr}; {@code moov} comes first in a file written for streaming
 * ("faststart"), after the media data otherwise, where the first bytes cannot show it.
 */
final class IsoTracks {
    private static final int BOX_HEADER = 8;

    private IsoTracks() {}

    /**
     * True when {@code h} holds the whole track list and it has a sound track ({@code soun}) and no video
     * ({@code vide}). The list is whole when the {@code moov} box ends inside {@code h}, or when as many tracks
     * were seen as the movie header's {@code next_track_ID} says exist.
     */
    static boolean soundOnly(byte[] h) {
        for (Box box = Box.at(h, 0, h.length); box != null; box = box.next(h, h.length)) {
            if (box.is(h, "moov")) {
                return moovSoundOnly(h, box);
            }
        }
        return false;
    }

    private static boolean moovSoundOnly(byte[] h, Box moov) {
        int end = moov.visibleEnd(h);
        long nextTrackId = -1;
        List<String> handlers = new ArrayList<>();
        for (Box child = Box.at(h, moov.payload(), end); child != null; child = child.next(h, end)) {
            if (child.is(h, "mvhd")) {
                nextTrackId = nextTrackId(h, child);
            } else if (child.is(h, "trak")) {
                handlers.add(handler(h, child));
            }
        }
        boolean allSeen = moov.end() <= h.length || (nextTrackId > 1 && handlers.size() >= nextTrackId - 1);
        return allSeen && handlers.contains("soun") && !handlers.contains("vide") && !handlers.contains(null);
    }

    /** The track's handler type ({@code soun}, {@code vide}, {@code text} …), null when not in {@code h}. */
    private static String handler(byte[] h, Box trak) {
        for (Box child = Box.at(h, trak.payload(), trak.visibleEnd(h));
                child != null;
                child = child.next(h, trak.visibleEnd(h))) {
            if (child.is(h, "mdia")) {
                int end = child.visibleEnd(h);
                for (Box media = Box.at(h, child.payload(), end); media != null; media = media.next(h, end)) {
                    // hdlr: version and flags (4), pre_defined (4), handler_type (4)
                    if (media.is(h, "hdlr") && media.payload() + 12 <= end) {
                        return new String(h, media.payload() + 8, 4, StandardCharsets.US_ASCII);
                    }
                }
            }
        }
        return null;
    }

    /** mvhd: after version and flags, times of 4 bytes (version 0) or 8 (version 1), then 76 bytes, then next_track_ID. */
    private static long nextTrackId(byte[] h, Box mvhd) {
        if (mvhd.payload() >= mvhd.visibleEnd(h)) {
            return -1;
        }
        int at = mvhd.payload() + (h[mvhd.payload()] == 1 ? 4 + 28 + 76 : 4 + 16 + 76);
        return at + 4 <= mvhd.visibleEnd(h) ? u32(h, at) : -1;
    }

    private static long u32(byte[] h, int at) {
        return ((h[at] & 0xFFL) << 24) | ((h[at + 1] & 0xFFL) << 16) | ((h[at + 2] & 0xFFL) << 8) | (h[at + 3] & 0xFFL);
    }

    /** A box whose header lies inside {@code h}: its start, where its payload begins and where it ends (maybe past {@code h}). */
    private record Box(int start, int payload, long end) {

        /** The box starting at {@code at}, or null when its header does not fit before {@code limit} or lies. */
        static Box at(byte[] h, int at, int limit) {
            if (at + BOX_HEADER > limit) {
                return null;
            }
            long size = u32(h, at);
            int payload = at + BOX_HEADER;
            if (size == 1) { // a 64-bit size follows the type
                if (at + 16 > limit) {
                    return null;
                }
                size = (u32(h, at + 8) << 32) | u32(h, at + 12);
                payload = at + 16;
            } else if (size == 0) { // to the end of the file
                size = Long.MAX_VALUE - at;
            }
            return size < payload - at ? null : new Box(at, payload, at + size);
        }

        Box next(byte[] h, int limit) {
            return end >= limit ? null : at(h, (int) end, limit);
        }

        boolean is(byte[] h, String type) {
            return new String(h, start + 4, 4, StandardCharsets.US_ASCII).equals(type);
        }

        int visibleEnd(byte[] h) {
            return (int) Math.min(end, h.length);
        }
    }
}
