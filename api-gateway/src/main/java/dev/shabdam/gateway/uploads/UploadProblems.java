package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.GatewayException;
import dev.shabdam.gateway.problems.InvalidRequestException;
import dev.shabdam.gateway.problems.TooLargeException;
import dev.shabdam.gateway.problems.UnavailableException;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;

import java.io.IOException;

/** The problems an upload is refused with, by whose fault: the client's body, or our storage. */
final class UploadProblems {

    private UploadProblems() {}

    static TooLargeException fileTooLarge(String part, long limit) {
        return new TooLargeException(
                "file_too_large",
                "The file in part '" + part + "' is larger than the " + limit + "-byte limit for this kind of media.");
    }

    static InvalidRequestException unexpectedFile(String part, UploadForm form) {
        return new InvalidRequestException(
                "unexpected_file",
                "This request takes no file in part '" + part + "'; its file parts are "
                        + String.join(", ", form.fileParts()) + ".");
    }

    static InvalidRequestException tooManyParts() {
        return new InvalidRequestException(
                "too_many_parts",
                "The upload has more than " + FormUploads.MAX_PARTS + " parts; a form of this API has a few.");
    }

    /** Reading the request failed: a malformed multipart body, one over the request's limits, or a client gone. */
    static GatewayException unreadable(IOException e) {
        Throwable cause = e instanceof PartReadException ? e.getCause() : e;
        if (cause instanceof FileUploadSizeException tooLarge) {
            return new TooLargeException(
                    "file_too_large",
                    "The upload is larger than the " + tooLarge.getPermitted() + " bytes this request takes.",
                    e);
        }
        String detail = cause instanceof FileUploadException
                ? "The multipart body could not be read: " + cause.getMessage()
                : "The upload ended before its last part arrived.";
        return new InvalidRequestException("malformed_body", detail, e);
    }

    static UnavailableException storageUnavailable(IOException e) {
        return new UnavailableException("storage_unavailable", "The upload could not be stored; try again later.", e);
    }
}
