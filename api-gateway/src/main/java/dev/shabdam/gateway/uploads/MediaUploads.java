package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.gateway.storage.ObjectTooLargeException;
import dev.shabdam.schemas.StorageKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks uploaded media files and streams them into object storage under the job's input keys. */
@Service
public class MediaUploads {
    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);

    private final ObjectStore store;
    private final UploadProperties limits;

    MediaUploads(ObjectStore store, UploadProperties limits) {
        this.store = store;
        this.limits = limits;
    }

    /** Stores {@code file} as the input {@code input.<ext>} of the job, or throws the problem that stops it. */
    public UploadedMedia store(Tenant tenant, String jobId, MultipartFile file) {
        return storeAll(tenant, jobId, List.of(new MediaPart("input", file))).get("input");
    }

    /**
     * Stores each part as the input {@code <name>.<ext>} of the job, answering them by name. Every part is
     * checked (file name, empty, container) before any is stored, and a part that cannot be stored (too
     * large, storage down) removes the ones stored before it: a refused request leaves nothing behind.
     */
    public Map<String, UploadedMedia> storeAll(Tenant tenant, String jobId, List<MediaPart> parts) {
        List<MediaFormat> formats = parts.stream().map(part -> check(part.file())).toList();
        Map<String, UploadedMedia> stored = new LinkedHashMap<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                stored.put(parts.get(i).name(), put(tenant, jobId, parts.get(i), formats.get(i)));
            }
        } catch (ApiProblem e) {
            stored.values().forEach(media -> discard(media.key()));
            throw e;
        }
        return stored;
    }

    /** The container of a file worth storing, or the problem that refuses it; reads only its first bytes. */
    private static MediaFormat check(MultipartFile file) {
        checkFileName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty_file",
                    "The uploaded file in part '" + file.getName() + "' is empty.");
        }
        try (InputStream in = file.getInputStream()) {
            return MediaSniffer.sniff(in.readNBytes(MediaSniffer.HEADER_BYTES)).orElseThrow(() -> new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media",
                    "The file in part '" + file.getName() + "' is not a recognised audio or video container (WAV, "
                            + "FLAC, Ogg, MP3, AAC, MP4/M4A/MOV, Matroska/WebM, FLV, MPEG-TS or AVI)."));
        } catch (IOException e) {
            throw storageUnavailable(e);
        }
    }

    private UploadedMedia put(Tenant tenant, String jobId, MediaPart part, MediaFormat format) {
        // the client's file name never becomes part of the key
        String key = StorageKeys.upload(tenant.id(), jobId, part.name() + "." + format.extension());
        try (InputStream in = part.file().getInputStream()) {
            return new UploadedMedia(key, format, store.put(key, in, limits.limitFor(format)));
        } catch (ObjectTooLargeException e) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large", "The file in part '"
                    + part.file().getName() + "' is larger than the " + e.limit() + "-byte limit for this kind of media.");
        } catch (IOException e) {
            throw storageUnavailable(e);
        }
    }

    private void discard(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            log.warn("Could not remove {} of a refused upload: {}", key, e.toString());
        }
    }

    static ApiProblem storageUnavailable(IOException e) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
                "The upload could not be stored; try again later.", HttpHeaders.EMPTY, e);
    }

    private static void checkFileName(String name) {
        if (name != null && (name.contains("/") || name.contains("\\") || name.contains(".."))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_filename",
                    "The file name must not contain path separators or '..'.");
        }
    }
}
