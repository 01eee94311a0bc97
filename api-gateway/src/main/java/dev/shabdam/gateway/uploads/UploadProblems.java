package dev.shabdam.gateway.uploads;

import dev.shabdam.gateway.problems.ApiProblem;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;

/** The problems an upload is refused with, by whose fault: the client's body, or our storage. */
final class UploadProblems {

    private UploadProblems() {}

    static ApiProblem fileTooLarge(String part, long limit) {
        return new ApiProblem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "file_too_large",
                "The file in part '" + part + "' is larger than the " + limit + "-byte limit for this kind of media.");
    }

    static ApiProblem unexpectedFile(String part, UploadForm form) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "unexpected_file",
                "This request takes no file in part '" + part + "'; its file parts are "
                        + String.join(", ", form.fileParts()) + ".");
    }

    static ApiProblem tooManyParts() {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "too_many_parts",
                "The upload has more than " + FormUploads.MAX_PARTS + " parts; a form of this API has a few.");
    }

    /** Reading the request failed: a malformed multipart body, one over the request's limits, or a client gone. */
    static ApiProblem unreadable(IOException e) {
        Throwable cause = e instanceof PartReadException ? e.getCause() : e;
        if (cause instanceof FileUploadSizeException tooLarge) {
            return new ApiProblem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "file_too_large",
                    "The upload is larger than the " + tooLarge.getPermitted() + " bytes this request takes.",
                    HttpHeaders.EMPTY,
                    e);
        }
        String detail = cause instanceof FileUploadException
                ? "The multipart body could not be read: " + cause.getMessage()
                : "The upload ended before its last part arrived.";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed_body", detail, HttpHeaders.EMPTY, e);
    }

    static ApiProblem storageUnavailable(IOException e) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "storage_unavailable",
                "The upload could not be stored; try again later.",
                HttpHeaders.EMPTY,
                e);
    }
}
