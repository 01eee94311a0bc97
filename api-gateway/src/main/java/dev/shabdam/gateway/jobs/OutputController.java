package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.ApiProblem;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.ObjectStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Downloads of job outputs, with single byte ranges so players can seek. The object is streamed
 * (never held in memory) and a range is read from storage as a range, not by skipping.
 */
@RestController
class OutputController {
    private final Jobs jobs;
    private final ObjectStore store;

    OutputController(Jobs jobs, ObjectStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    @GetMapping("/jobs/{jobId}/outputs/{name}")
    ResponseEntity<StreamingResponseBody> download(
            Tenant tenant,
            @PathVariable String jobId,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range)
            throws IOException {
        String key = jobs.get(tenant, jobId).availableOutputs().get(name);
        long size = key == null ? -1 : store.size(key).orElse(-1);
        if (size < 0) {
            throw new ApiProblem(
                    HttpStatus.NOT_FOUND, "output_not_found", "Job " + jobId + " has no output " + name + ".");
        }
        MediaType type = MediaTypeFactory.getMediaType(key).orElse(MediaType.APPLICATION_OCTET_STREAM);
        ByteSpan span = requestedSpan(range, size);
        ResponseEntity.BodyBuilder response = span.partial()
                ? ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes " + span.start() + "-" + span.end() + "/" + size)
                : ResponseEntity.ok();
        return response.header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .contentType(type)
                .contentLength(span.length())
                .body(out -> {
                    try (InputStream in = store.open(key, span.start(), span.length())) {
                        in.transferTo(out);
                    }
                });
    }

    /** The whole object, or the one range asked for; several ranges are answered whole (RFC 9110 allows it). */
    private static ByteSpan requestedSpan(String header, long size) {
        if (header == null || header.isBlank()) {
            return ByteSpan.whole(size);
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(header);
            if (ranges.size() != 1) {
                return ByteSpan.whole(size);
            }
            HttpRange range = ranges.get(0);
            long start = range.getRangeStart(size);
            long end = range.getRangeEnd(size);
            if (start >= size || end < start) {
                throw unsatisfiable(size);
            }
            return new ByteSpan(start, end, true);
        } catch (IllegalArgumentException e) {
            // a header Spring cannot parse, or a range it finds invalid
            throw unsatisfiable(size);
        }
    }

    private static ApiProblem unsatisfiable(long size) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        return new ApiProblem(
                HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "range_not_satisfiable",
                "The output has " + size + " bytes; the requested range lies outside them.",
                headers,
                null);
    }

    /** Inclusive byte positions, as in Content-Range. */
    private record ByteSpan(long start, long end, boolean partial) {
        static ByteSpan whole(long size) {
            return new ByteSpan(0, size - 1, false);
        }

        long length() {
            return end - start + 1;
        }
    }
}
