package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.speech.subtitles.Cue;

/**
 * A line after synthesis and its fit, as assembly collects it: where its audio is stored and how
 * it was fitted; or why there is none.
 *
 * @param audioKey  storage key of the fitted audio (a WAV lasting exactly {@code endMs − startMs})
 * @param startMs   where the dub starts (the slot's start)
 * @param endMs     where it ends: the slot end, or later when it borrowed silence
 * @param rate        the time-stretch applied (1 = none)
 * @param speechSpeed how fast the engine was asked to speak (1 = its normal speed; more when the line
 *                    was synthesised again to fit)
 * @param errorCode set when {@code outcome} is FAILED
 */
public record DubbedLine(
        String jobId,
        int index,
        Outcome outcome,
        String audioKey,
        long slotStartMs,
        long slotEndMs,
        long startMs,
        long endMs,
        double rate,
        double speechSpeed,
        Strategy strategy,
        String engine,
        String sourceText,
        String targetText,
        String speaker,
        String errorCode,
        String errorDetail) {

    public enum Outcome {
        DUBBED,
        FAILED,
        /** The job was cancelled before the line was spoken. */
        CANCELLED
    }

    public static DubbedLine dubbed(LineTask task, String audioKey, LineDubber.Dubbed dubbed) {
        Fit.Fitted fitted = dubbed.fitted();
        return new DubbedLine(
                task.jobId(),
                task.index(),
                Outcome.DUBBED,
                audioKey,
                task.startMs(),
                task.endMs(),
                fitted.startMs(),
                fitted.endMs(),
                fitted.rate(),
                dubbed.speechSpeed(),
                fitted.strategy(),
                dubbed.engine(),
                task.sourceText(),
                task.targetText(),
                task.speaker(),
                null,
                null);
    }

    public static DubbedLine failed(LineTask task, String code, String detail) {
        return new DubbedLine(
                task.jobId(),
                task.index(),
                Outcome.FAILED,
                null,
                task.startMs(),
                task.endMs(),
                task.startMs(),
                task.endMs(),
                1,
                1,
                null,
                null,
                task.sourceText(),
                task.targetText(),
                task.speaker(),
                code,
                detail);
    }

    public static DubbedLine cancelled(LineTask task) {
        return new DubbedLine(
                task.jobId(),
                task.index(),
                Outcome.CANCELLED,
                null,
                task.startMs(),
                task.endMs(),
                task.startMs(),
                task.endMs(),
                1,
                1,
                null,
                null,
                task.sourceText(),
                task.targetText(),
                task.speaker(),
                null,
                null);
    }

    /** The original line, as a cue of the source subtitles. */
    public Cue sourceCue() {
        return new Cue(index + 1, slotStartMs, slotEndMs, sourceText == null ? "" : sourceText, speaker);
    }

    /** The dubbed line, as a cue of the target subtitles: the same slot, the spoken text. */
    public Cue targetCue() {
        return new Cue(index + 1, slotStartMs, slotEndMs, targetText, speaker);
    }
}
