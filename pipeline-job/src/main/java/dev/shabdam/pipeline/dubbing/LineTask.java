package dev.shabdam.pipeline.dubbing;

/**
 * One line to dub, as ingest hands it to synthesis: where it was said, what was said and what to say.
 *
 * @param index       0-based position of the line in the job
 * @param count       how many lines the job has
 * @param nextStartMs where the next line starts (or the media ends): the limit of borrowed silence
 * @param voiceId     the voice to speak it with; null for the target language's default
 */
public record LineTask(
        String jobId,
        int index,
        int count,
        long startMs,
        long endMs,
        long nextStartMs,
        String sourceText,
        String targetText,
        String speaker,
        String language,
        String voiceId) {

    /** The key synthesis is partitioned by: lines of one job spread over every subtask. */
    public String lineKey() {
        return jobId + "/" + index;
    }

    public Slot slot() {
        return new Slot(startMs, endMs, nextStartMs);
    }
}
