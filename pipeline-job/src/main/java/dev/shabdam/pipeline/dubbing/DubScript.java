package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.jobs.JobFailedException;
import dev.shabdam.schemas.jobs.DubEvents;
import dev.shabdam.speech.subtitles.Cue;
import dev.shabdam.speech.subtitles.SubtitleTime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns timed cues and their texts into the lines of a dub, checked against the media: sorted by
 * time, cut at the media's end, each with the room it may borrow (up to the next line's start).
 * Lines with nothing to say in the target language are left out: the original plays there.
 */
public final class DubScript {
    private DubScript() {}

    /**
     * @param timed       the cues whose times the lines keep
     * @param sourceTexts what each cue said (entries may be null when only a translation was given)
     * @param targetTexts what each cue says in the dub
     */
    public static List<LineTask> lines(
            String jobId,
            List<Cue> timed,
            List<String> sourceTexts,
            List<String> targetTexts,
            long durationMs,
            String language,
            String voiceId)
            throws JobFailedException {
        if (sourceTexts.size() != timed.size() || targetTexts.size() != timed.size()) {
            throw new IllegalArgumentException("one source and one target text per cue");
        }
        if (timed.size() > DubEvents.MAX_LINES) {
            throw new JobFailedException("invalid_subtitles", "more than " + DubEvents.MAX_LINES + " cues");
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < timed.size(); k++) {
            Cue cue = timed.get(k);
            if (cue.startMs() >= durationMs) {
                throw new JobFailedException(
                        "invalid_subtitles",
                        String.format(
                                "cue %d starts at %s, after the media ends (%s)",
                                cue.index(),
                                SubtitleTime.SRT.format(cue.startMs()),
                                SubtitleTime.SRT.format(durationMs)));
            }
            if (targetTexts.get(k) != null && !targetTexts.get(k).isBlank()) {
                order.add(k);
            }
        }
        if (order.isEmpty()) {
            throw new JobFailedException("no_speech", "there is nothing to dub: the subtitles have no text");
        }
        order.sort(Comparator.comparingLong(k -> timed.get(k).startMs()));
        List<LineTask> lines = new ArrayList<>(order.size());
        for (int n = 0; n < order.size(); n++) {
            Cue cue = timed.get(order.get(n));
            long end = Math.min(cue.endMs(), durationMs);
            long next = n + 1 < order.size() ? timed.get(order.get(n + 1)).startMs() : durationMs;
            lines.add(new LineTask(
                    jobId,
                    n,
                    order.size(),
                    cue.startMs(),
                    end,
                    Math.max(end, next),
                    sourceTexts.get(order.get(n)),
                    targetTexts.get(order.get(n)).strip(),
                    cue.speaker(),
                    language,
                    voiceId));
        }
        return lines;
    }
}
