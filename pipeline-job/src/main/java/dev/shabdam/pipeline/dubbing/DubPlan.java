package dev.shabdam.pipeline.dubbing;

import dev.shabdam.schemas.VoiceRequest;

/**
 * What assembly needs to know of a job before its lines come in: how many to wait for, and how to
 * put them together.
 *
 * @param mediaKey      storage key of the upload (the original audio and the video come from it)
 * @param hasVideo      whether there is a video stream to mux beside the dub
 * @param durationMs    the upload's duration
 * @param plannedAtMs   when ingest finished (epoch ms): the start of the synthesis stage
 */
public record DubPlan(VoiceRequest request, int lineCount, String mediaKey, boolean hasVideo, long durationMs,
                      boolean keepBackground, boolean keepOriginalTrack, String sourceLanguage, String targetLanguage,
                      long plannedAtMs) {

    public String jobId() {
        return request.jobId();
    }
}
