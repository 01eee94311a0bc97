package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.gateway.problems.InvalidRequestException;
import dev.shabdam.gateway.problems.UnsupportedMediaException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import dev.shabdam.gateway.storage.ObjectTooLargeException;
import dev.shabdam.schemas.StorageKeys;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Checks an uploaded media file as it arrives and streams it into object storage under the job's input key.
 * Its first bytes decide what it is ({@link MediaSniffer}), and so its size limit, before the rest is read:
 * an audio file is refused as soon as it passes the audio limit, however large the video limit is.
 */
@Service
class MediaUploads {
    private final ObjectStore store;
    private final GatewaySettings.Uploads limits;

    MediaUploads(ObjectStore store, GatewaySettings.Uploads limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Stores part {@code part} (the client named its file {@code fileName}) as the job's input {@code <input>.<ext>},
     * or throws the problem that refuses it; nothing is left under the key then.
     */
    UploadedMedia store(Tenant tenant, String jobId, String part, String input, String fileName, InputStream content) {
        checkFileName(fileName);
        try {
            byte[] header = content.readNBytes(MediaSniffer.HEADER_BYTES);
            if (header.length == 0) {
                throw new InvalidRequestException("empty_file", "The uploaded file in part '" + part + "' is empty.");
            }
            MediaFormat format = MediaSniffer.sniff(header)
                    .orElseThrow(() -> new UnsupportedMediaException(
                            "unsupported_media",
                            "The file in part '" + part + "' is not a recognised audio or video container (WAV, "
                                    + "FLAC, Ogg, MP3, AAC, MP4/M4A/MOV, Matroska/WebM, FLV, MPEG-TS or AVI)."));
            // the client's file name never becomes part of the key
            String key = StorageKeys.upload(tenant.id(), jobId, input + "." + format.extension());
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(header), content);
            return new UploadedMedia(key, format, store.put(key, whole, limitFor(format)));
        } catch (ObjectTooLargeException e) {
            throw UploadProblems.fileTooLarge(part, e.limit());
        } catch (PartReadException e) {
            throw UploadProblems.unreadable(e);
        } catch (IOException e) {
            throw UploadProblems.storageUnavailable(e);
        }
    }

    /** The most a part may hold: the limit of its kind of media. */
    private long limitFor(MediaFormat format) {
        return (format.video() ? limits.maxVideoBytes() : limits.maxAudioBytes()).toBytes();
    }

    /** The most any media part may hold, whatever it turns out to be. */
    long largestLimit() {
        return Math.max(limits.maxAudioBytes().toBytes(), limits.maxVideoBytes().toBytes());
    }

    private static void checkFileName(String name) {
        if (name != null && (name.contains("/") || name.contains("\\") || name.contains(".."))) {
            throw new InvalidRequestException(
                    "invalid_filename", "The file name must not contain path separators or '..'.");
        }
    }
}
