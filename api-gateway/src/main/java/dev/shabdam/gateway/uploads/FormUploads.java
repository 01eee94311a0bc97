package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.InvalidRequestException;
import dev.shabdam.gateway.problems.TooLargeException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a {@code multipart/form-data} upload part by part as its bytes arrive: nothing parses or spools
 * the body before the controller runs (Spring's multipart support is off), so a media part meets its own
 * size limit while it streams into storage ({@link MediaUploads}). Authentication has run by then, so an
 * unauthenticated upload is refused before any of it is read.
 */
@Service
public class FormUploads {
    private static final Logger log = LoggerFactory.getLogger(FormUploads.class);
    /** Room for the form's fields and every part's headers around the files. */
    static final long FORM_OVERHEAD = 1 << 20;
    /** A form field is a word or a voice id: a few bytes. */
    static final int MAX_FIELD_BYTES = 8 * 1024;
    /** Parts of any kind, fields included: more is not a form of ours. */
    static final int MAX_PARTS = 32;

    private final MediaUploads media;
    private final SubtitleUploads subtitles;
    private final ObjectStore store;

    FormUploads(MediaUploads media, SubtitleUploads subtitles, ObjectStore store) {
        this.media = media;
        this.subtitles = subtitles;
        this.store = store;
    }

    /**
     * Stores the upload's files as inputs of job {@code jobId} and hands what was received to {@code use},
     * whose answer this returns. When reading the body, a part, or {@code use} fails, everything stored is
     * removed again: a refused request leaves nothing behind.
     */
    public <T> T receive(Tenant tenant, String jobId, UploadBody body, UploadForm form, Function<ReceivedForm, T> use) {
        Map<String, UploadedMedia> stored = new LinkedHashMap<>();
        Map<String, String> storedSubtitles = new LinkedHashMap<>();
        try {
            Map<String, String> fields = readParts(tenant, jobId, body, form, stored, storedSubtitles);
            for (String part : form.media().keySet()) {
                if (!stored.containsKey(part)) {
                    throw new InvalidRequestException("missing_file", "The request has no file part '" + part + "'.");
                }
            }
            return use.apply(new ReceivedForm(Map.copyOf(stored), Map.copyOf(storedSubtitles), fields));
        } catch (RuntimeException e) {
            stored.values().forEach(upload -> discard(upload.key()));
            storedSubtitles.values().forEach(this::discard);
            throw e;
        }
    }

    /** Stores the files into {@code stored} and {@code storedSubtitles} as they come; answers the other fields. */
    private Map<String, String> readParts(
            Tenant tenant,
            String jobId,
            UploadBody body,
            UploadForm form,
            Map<String, UploadedMedia> stored,
            Map<String, String> storedSubtitles) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            FileItemInputIterator parts = upload(form).getItemIterator(body);
            // the streaming iterator does not apply the upload's file-count limit (only parseRequest does)
            for (int count = 1; parts.hasNext(); count++) {
                if (count > MAX_PARTS) {
                    throw UploadProblems.tooManyParts();
                }
                FileItemInput part = parts.next();
                String name = part.getFieldName();
                // a part is a file or a field by its name, whatever its headers say
                if (form.media().containsKey(name) && !stored.containsKey(name)) {
                    stored.put(
                            name,
                            media.store(tenant, jobId, name, form.media().get(name), part.getName(), stream(part)));
                } else if (form.subtitleParts().contains(name) && !storedSubtitles.containsKey(name)) {
                    storedSubtitles.put(name, subtitles.store(tenant, jobId, name, stream(part)));
                } else if (name != null && !form.isFile(name) && part.getName() != null) {
                    // a file under a name the form does not take: most likely the right file in a wrong part
                    throw UploadProblems.unexpectedFile(name, form);
                } else if (name != null && !form.isFile(name)) {
                    fields.putIfAbsent(name, field(name, stream(part)));
                }
                // a repeated file part is skipped: the iterator reads past what is left of it
            }
            return fields;
        } catch (IOException e) {
            throw UploadProblems.unreadable(e);
        }
    }

    private JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload(UploadForm form) {
        JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload = new JakartaServletFileUpload<>();
        upload.setMaxSize(media.largestLimit() * form.media().size()
                + (long) SubtitleUploads.MAX_BYTES * form.subtitleParts().size()
                + FORM_OVERHEAD);
        upload.setHeaderCharset(StandardCharsets.UTF_8);
        return upload;
    }

    private static InputStream stream(FileItemInput part) throws IOException {
        return new PartStream(part.getInputStream());
    }

    private static String field(String name, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new TooLargeException(
                    "body_too_large", "The form field '" + name + "' is longer than " + MAX_FIELD_BYTES + " bytes.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void discard(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            log.warn("Could not remove {} of a refused upload: {}", key, e.toString());
        }
    }
}
