package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.InvalidRequestException;
import dev.shabdam.gateway.problems.TooLargeException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.speech.subtitles.SubtitleFormatException;
import dev.shabdam.speech.subtitles.SubtitleParser;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Subtitle files (SRT or WebVTT) sent with a dub: parsed here with the job's own strict parser, so a
 * malformed file is a 400 naming its line rather than a job that fails later, then stored as the
 * job's input {@code <part>.srt} or {@code <part>.vtt}.
 */
@Service
class SubtitleUploads {
    /** Two hours of dense cues are about 200 KB; anything far larger is not a subtitle file. */
    static final int MAX_BYTES = 2 << 20;

    private final ObjectStore store;

    SubtitleUploads(ObjectStore store) {
        this.store = store;
    }

    /** Reads part {@code part}, checks it parses as subtitles and stores it; answers the storage key. */
    String store(Tenant tenant, String jobId, String part, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw UploadProblems.unreadable(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TooLargeException(
                    "file_too_large", "The subtitles in part '" + part + "' are larger than " + MAX_BYTES + " bytes.");
        }
        try {
            SubtitleParser.parse(bytes);
        } catch (SubtitleFormatException e) {
            throw new InvalidRequestException(
                    "invalid_subtitles",
                    "The subtitles in part '" + part + "' are not valid SRT or WebVTT: " + e.getMessage());
        }
        boolean webVtt = SubtitleParser.isWebVtt(new String(bytes, StandardCharsets.UTF_8));
        String key = StorageKeys.upload(tenant.id(), jobId, part + "." + (webVtt ? "vtt" : "srt"));
        try {
            store.put(key, new ByteArrayInputStream(bytes), MAX_BYTES);
            return key;
        } catch (IOException e) {
            throw UploadProblems.storageUnavailable(e);
        }
    }
}
