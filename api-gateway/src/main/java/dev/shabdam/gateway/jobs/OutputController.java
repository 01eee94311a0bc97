package dev.shabdam.gateway.jobs;

import dev.shabdam.gateway.problems.RangeNotSatisfiableException;
import dev.shabdam.gateway.security.Tenant;
import dev.shabdam.gateway.storage.StoredObject;
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
    private final JobMedia media;

    OutputController(Jobs jobs, JobMedia media) {
        this.jobs = jobs;
        this.media = media;
    }

    @GetMapping("/jobs/{jobId}/outputs/{name}")
    ResponseEntity<StreamingResponseBody> download(
            Tenant tenant,
            @PathVariable String jobId,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range)
            throws IOException {
        StoredObject output = media.output(jobs.get(tenant, jobId), name);
        long size = output.contentLength();
        MediaType type = MediaTypeFactory.getMediaType(output.key()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        ByteSpan span = requestedSpan(range, size);
        ResponseEntity.BodyBuilder response = span.partial()
                ? ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes " + span.start() + "-" + span.end() + "/" + size)
                : ResponseEntity.ok();
        return response.header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .contentType(type)
                .contentLength(span.length())
                .body(out -> {
                    try (InputStream in = output.open(span.start(), span.length())) {
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
                throw new RangeNotSatisfiableException(size);
            }
            return new ByteSpan(start, end, true);
        } catch (IllegalArgumentException e) {
            // a header Spring cannot parse, or a range it finds invalid
            throw new RangeNotSatisfiableException(size);
        }
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
