package dev.shabdam.speech.subtitles;

import java.util.List;

/**
 * Writes cues as SRT (UTF-8 without a byte-order mark, CRLF line ends as SubRip wrote them), numbered
 * 1, 2, 3… in list order so that the file is valid whatever the cues' own indices are. SRT has no
 * speakers: {@link Cue#speaker()} is not written. Blank lines inside a cue's text would end the cue
 * early, so they are left out.
 */
public final class SrtWriter {
    private static final String EOL = "\r\n";

    private SrtWriter() {}

    public static String write(List<Cue> cues) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < cues.size(); k++) {
            Cue cue = cues.get(k);
            if (k > 0) {
                out.append(EOL);
            }
            out.append(k + 1)
                    .append(EOL)
                    .append(SubtitleTime.SRT.format(cue.startMs()))
                    .append(" --> ")
                    .append(SubtitleTime.SRT.format(cue.endMs()))
                    .append(EOL);
            for (String line : cue.text().split("\n")) {
                if (!line.isBlank()) {
                    out.append(line).append(EOL);
                }
            }
        }
        return out.toString();
    }
}
