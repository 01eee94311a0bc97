package dev.shabdam.gateway.uploads;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * A {@code multipart/form-data} body as it arrives: what {@link FormUploads} reads, without the servlet request
 * around it, so the services that take uploads speak of bodies, not of HTTP.
 */
public record UploadBody(String contentType, String characterEncoding, long contentLength, InputStream content)
        implements RequestContext {

    /** The body of {@code request}, not yet read. */
    public static UploadBody of(HttpServletRequest request) {
        try {
            return new UploadBody(
                    request.getContentType(),
                    request.getCharacterEncoding(),
                    request.getContentLengthLong(),
                    request.getInputStream());
        } catch (IOException e) {
            throw UploadProblems.unreadable(e);
        }
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding;
    }

    @Override
    public long getContentLength() {
        return contentLength;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public InputStream getInputStream() {
        return content;
    }

    @Override
    public boolean isMultipartRelated() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related");
    }
}
