package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.gateway.storage.ObjectTooLargeException;
import dev.shabdam.schemas.StorageKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/** Checks an uploaded media file and streams it into object storage under the job's input key. */
@Service
public class MediaUploads {
    private final ObjectStore store;
    private final UploadProperties limits;

    MediaUploads(ObjectStore store, UploadProperties limits) {
        this.store = store;
        this.limits = limits;
    }

    /** Stores {@code file} as the input {@code input.<ext>} of the job, or throws the problem that stops it. */
    public UploadedMedia store(Tenant tenant, String jobId, MultipartFile file) {
        checkFileName(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty_file", "The uploaded file is empty.");
        }
        try (InputStream in = file.getInputStream()) {
            byte[] header = in.readNBytes(MediaSniffer.HEADER_BYTES);
            MediaFormat format = MediaSniffer.sniff(header).orElseThrow(() -> new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media",
                    "The file is not a recognised audio or video container (WAV, FLAC, Ogg, MP3, AAC, "
                            + "MP4/M4A/MOV, Matroska/WebM, FLV, MPEG-TS or AVI)."));
            // the client's file name never becomes part of the key
            String key = StorageKeys.upload(tenant.id(), jobId, "input." + format.extension());
            long limit = limits.limitFor(format);
            long size = store.put(key, new SequenceInputStream(new ByteArrayInputStream(header), in), limit);
            return new UploadedMedia(key, format, size);
        } catch (ObjectTooLargeException e) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file_too_large",
                    "The file is larger than the " + e.limit() + "-byte limit for this kind of media.");
        } catch (IOException e) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "storage_unavailable",
                    "The upload could not be stored; try again later.", HttpHeaders.EMPTY, e);
        }
    }

    private static void checkFileName(String name) {
        if (name != null && (name.contains("/") || name.contains("\\") || name.contains(".."))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_filename",
                    "The file name must not contain path separators or '..'.");
        }
    }
}
