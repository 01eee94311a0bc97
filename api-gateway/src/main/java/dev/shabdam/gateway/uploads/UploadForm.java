package dev.shabdam.gateway.uploads;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file parts a form upload takes: media (each required, streamed into storage as it arrives) and
 * subtitles (optional, read whole and checked). Any other part is a form field; a file sent in one is refused.
 *
 * @param media         media part name → the job input it becomes (stored as {@code <input>.<ext>})
 * @param subtitleParts subtitle part names, each stored as an input of its own name
 */
public record UploadForm(Map<String, String> media, List<String> subtitleParts) {

    /** One media part, {@code file}, which becomes the job's input {@code input}. */
    public static UploadForm file() {
        return new UploadForm(Map.of("file", "input"), List.of());
    }

    /** Media parts that become inputs of their own names. */
    public static UploadForm media(String... parts) {
        Map<String, String> media = new LinkedHashMap<>();
        Arrays.stream(parts).forEach(part -> media.put(part, part));
        return new UploadForm(media, List.of());
    }

    public UploadForm withSubtitles(String... parts) {
        return new UploadForm(media, List.of(parts));
    }

    /** Every file part, media first, in order. */
    List<String> fileParts() {
        return java.util.stream.Stream.concat(media.keySet().stream(), subtitleParts.stream())
                .toList();
    }

    boolean isFile(String part) {
        return media.containsKey(part) || subtitleParts.contains(part);
    }
}
