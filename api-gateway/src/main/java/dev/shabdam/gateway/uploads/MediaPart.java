package dev.shabdam.gateway.uploads;

import org.springframework.web.multipart.MultipartFile;

/**
 * One uploaded media file of a request and the input it becomes.
 *
 * @param name the job's input name; the stored object is {@code <name>.<ext>}
 * @param file the uploaded part
 */
public record MediaPart(String name, MultipartFile file) {
}
