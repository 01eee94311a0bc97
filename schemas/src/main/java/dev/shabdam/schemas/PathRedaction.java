package dev.shabdam.schemas;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes filesystem paths from text that becomes an answer. Native libraries (FFmpeg, ONNX Runtime) and
 * Java's own exceptions name the files they failed on: a temporary file, a model under the TaskManager's
 * models folder. Quoted back to a client, such a path tells any tenant how the machines are laid out. Each
 * path keeps only its last element, the file name, which is all a reader needs to recognise it.
 *
 * <p>A path is an absolute path of two elements or more ({@code /tmp/x.wav}; a lone {@code /x} is more
 * likely an API path or a fraction), a {@code file:}, {@code s3://} or similar URI, or a Windows path.
 * Letters of any script before the slash make it part of a word ({@code ഒന്ന്/രണ്ട്}), not a path.
 */
public final class PathRedaction {
    private static final String ELEMENT = "[^\\s/\\\\\"'`<>|;,()\\[\\]{}]+";
    private static final Pattern PATH = Pattern.compile(
            "\\b(?:file|s3a?|gs|hdfs):/+(?:" + ELEMENT + "/)*(" + ELEMENT + ")?"
                    + "|(?<![\\w.~:/\\\\-])/(?:" + ELEMENT + "/)+(" + ELEMENT + ")?"
                    + "|\\b[A-Za-z]:\\\\(?:" + ELEMENT + "\\\\)*(" + ELEMENT + ")?",
            Pattern.UNICODE_CHARACTER_CLASS);

    private PathRedaction() {}

    /** {@code text} with each path replaced by its file name; null stays null. */
    public static String withoutPaths(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PATH.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(fileName(matcher)));
        }
        return matcher.appendTail(out).toString();
    }

    private static String fileName(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }
}
