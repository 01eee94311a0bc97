package dev.shabdam.pipeline.analysis;

import dev.shabdam.schemas.jobs.LoudnessTarget;

/**
 * @param target   loudness target the too_quiet / too_loud rules judge against
 * @param cloning  true when the recording is meant as a voice-cloning sample (short speech is then an error)
 * @param progress told the fraction done as the analysis goes
 */
public record AnalysisOptions(LoudnessTarget target, boolean cloning, ProgressListener progress) {
    public static final AnalysisOptions DEFAULT =
            new AnalysisOptions(LoudnessTarget.PODCAST, false, ProgressListener.NONE);

    public AnalysisOptions {
        target = target == null ? LoudnessTarget.PODCAST : target;
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    public AnalysisOptions withTarget(LoudnessTarget target) {
        return new AnalysisOptions(target, cloning, progress);
    }

    public AnalysisOptions forCloning() {
        return new AnalysisOptions(target, true, progress);
    }

    public AnalysisOptions withProgress(ProgressListener progress) {
        return new AnalysisOptions(target, cloning, progress);
    }
}
