package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;

import java.util.Map;

/**
 * A job's typed request: its parameters, validated when it is made. One record per job type; TRAIN and
 * CONVERSE join the permitted types when their operators come (see the package description).
 */
public sealed interface JobRequest permits AnalyzeJob, CompareJob, GenerateJob, DubJob, DetectWatermarkJob {

    JobType type();

    /** The parameters as {@code voice.requests} carries them: strings under the API's names. */
    Map<String, String> toParameters();
}
