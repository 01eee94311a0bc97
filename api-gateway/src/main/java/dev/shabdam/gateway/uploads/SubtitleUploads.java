package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.speech.subtitles.SubtitleFormatException;
import dev.shabdam.speech.subtitles.SubtitleParser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

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
public class SubtitleUploads {
    /** Two hours of dense cues are about 200 KB; anything far larger is not a subtitle file. */
    static final int MAX_BYTES = 2 << 20;

    private final ObjectStore store;

    SubtitleUploads(ObjectStore store) {
        this.store = store;
    }

    /** The file's bytes once they parse as subtitles, or the problem that refuses them; nothing is stored. */
    public CheckedSubtitles check(MultipartFile file) {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_subtitles",
                    "The part '" + file.getName() + "' could not be read.", HttpHeaders.EMPTY, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large",
                    "The subtitles in part '" + file.getName() + "' are larger than " + MAX_BYTES + " bytes.");
        }
        try {
            SubtitleParser.parse(bytes);
        } catch (SubtitleFormatException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_subtitles",
                    "The subtitles in part '" + file.getName() + "' are not valid SRT or WebVTT: " + e.getMessage());
        }
        boolean webVtt = SubtitleParser.isWebVtt(new String(bytes, StandardCharsets.UTF_8));
        return new CheckedSubtitles(file.getName(), bytes, webVtt ? "vtt" : "srt");
    }

    /** Stores checked subtitles as an input of the job; answers the storage key. */
    public String store(Tenant tenant, String jobId, CheckedSubtitles subtitles) {
        String key = StorageKeys.upload(tenant.id(), jobId, subtitles.part() + "." + subtitles.extension());
        try {
            store.put(key, new ByteArrayInputStream(subtitles.bytes()), MAX_BYTES);
            return key;
        } catch (IOException e) {
            throw MediaUploads.storageUnavailable(e);
        }
    }

    /** Subtitles that parsed, not yet stored. */
    public record CheckedSubtitles(String part, byte[] bytes, String extension) {
    }
}
