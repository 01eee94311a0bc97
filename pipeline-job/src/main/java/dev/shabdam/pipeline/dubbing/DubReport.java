package dev.shabdam.pipeline.dubbing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.schemas.RecordCodec;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The dub's {@code report} output: for each line where it was, what was said and what is said
 * now, and how hard its timing was bent, so that a reviewer can go straight to the lines that were
 * stretched past the comfortable rate or borrowed silence. JSON in the dialect of the Kafka records;
 * the lines are named {@code utterances} there, as clients have read them since before the glossary.
 */
public record DubReport(@JsonProperty("utterances") List<Line> lines) {

    /**
     * One line.
     *
     * @param slotStartMs where the original line was
     * @param dubStartMs  where the dub is (its end differs from the slot's when it borrowed silence)
     * @param rate        the time-stretch applied (1 = none)
     * @param speechSpeed how fast the engine spoke the line (above 1 when it was synthesised again to fit)
     * @param engine      the synthesis engine that spoke it
     */
    public record Line(
            int index,
            long slotStartMs,
            long slotEndMs,
            long dubStartMs,
            long dubEndMs,
            String sourceText,
            String targetText,
            String speaker,
            double rate,
            double speechSpeed,
            Strategy strategy,
            String engine) {

        /** The report's line of a dubbed line; numbered from 1 like the subtitles' cues. */
        public static Line of(DubbedLine line) {
            return new Line(
                    line.index() + 1,
                    line.slotStartMs(),
                    line.slotEndMs(),
                    line.startMs(),
                    line.endMs(),
                    line.sourceText(),
                    line.targetText(),
                    line.speaker(),
                    line.rate(),
                    line.speechSpeed(),
                    line.strategy(),
                    line.engine());
        }
    }

    public DubReport {
        lines = List.copyOf(lines);
    }

    public String toJson() {
        try {
            return RecordCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of strings and numbers always serialise
        }
    }
}
