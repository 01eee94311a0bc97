package dev.shabdam.pipeline.dubbing;

import dev.shabdam.schemas.VoiceRequest;

import java.util.Objects;

/**
 * What assembly needs to know of a job before its lines come in: how many to wait for, and how to
 * put them together. Kept in assembly's keyed state. Ten fields, four of them flags: made with
 * {@link #builder()}, which names each.
 *
 * @param lineCount     how many lines the script has: assembly mixes once that many are in
 * @param mediaKey      storage key of the upload (the original audio and the video come from it)
 * @param hasVideo      whether there is a video stream to mux beside the dub
 * @param durationMs    the upload's duration
 * @param plannedAtMs   when ingest finished (epoch ms): the start of the synthesis stage
 */
public record DubPlan(
        VoiceRequest request,
        int lineCount,
        String mediaKey,
        boolean hasVideo,
        long durationMs,
        boolean keepBackground,
        boolean keepOriginalTrack,
        String sourceLanguage,
        String targetLanguage,
        long plannedAtMs) {

    public String jobId() {
        return request.jobId();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private VoiceRequest request;
        private int lineCount;
        private String mediaKey;
        private boolean hasVideo;
        private long durationMs;
        private boolean keepBackground;
        private boolean keepOriginalTrack;
        private String sourceLanguage;
        private String targetLanguage;
        private long plannedAtMs;

        private Builder() {}

        public Builder withRequest(VoiceRequest request) {
            this.request = request;
            return this;
        }

        public Builder withLineCount(int lineCount) {
            this.lineCount = lineCount;
            return this;
        }

        public Builder withMediaKey(String mediaKey) {
            this.mediaKey = mediaKey;
            return this;
        }

        public Builder withVideo(boolean hasVideo) {
            this.hasVideo = hasVideo;
            return this;
        }

        public Builder withDurationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        public Builder withKeepBackground(boolean keepBackground) {
            this.keepBackground = keepBackground;
            return this;
        }

        public Builder withKeepOriginalTrack(boolean keepOriginalTrack) {
            this.keepOriginalTrack = keepOriginalTrack;
            return this;
        }

        public Builder withSourceLanguage(String sourceLanguage) {
            this.sourceLanguage = sourceLanguage;
            return this;
        }

        public Builder withTargetLanguage(String targetLanguage) {
            this.targetLanguage = targetLanguage;
            return this;
        }

        public Builder withPlannedAtMs(long plannedAtMs) {
            this.plannedAtMs = plannedAtMs;
            return this;
        }

        public DubPlan build() {
            return new DubPlan(
                    Objects.requireNonNull(request, "request"),
                    lineCount,
                    Objects.requireNonNull(mediaKey, "mediaKey"),
                    hasVideo,
                    durationMs,
                    keepBackground,
                    keepOriginalTrack,
                    sourceLanguage,
                    targetLanguage,
                    plannedAtMs);
        }
    }
}
