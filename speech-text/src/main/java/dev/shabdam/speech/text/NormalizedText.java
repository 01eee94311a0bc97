package dev.shabdam.speech.text;

import java.util.List;

/**
 * The text exactly as the engine will speak it.
 *
 * @param normalized the whole text, normalised
 * @param sentences  {@code normalized} split into sentences (the unit of streaming)
 * @param segments   {@code normalized} split into language runs: Latin-script words left in a
 *                   Malayalam text are tagged {@link Language#EN} so the English voice reads them
 */
public record NormalizedText(String normalized, List<String> sentences, List<Segment> segments) {
    public NormalizedText {
        sentences = List.copyOf(sentences);
        segments = List.copyOf(segments);
    }
}
