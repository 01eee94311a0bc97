package dev.shabdam.pipeline.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.io.LocalCopy;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.MediaJobOperator;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.StageClock;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.MediaTooLongException;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.AnalyzeEvents;
import dev.shabdam.schemas.jobs.AnalyzeJob;
import org.apache.flink.util.Collector;

import java.util.Map;

/**
 * Runs an ANALYZE job in two stages on one local copy of the input: {@code probe} (what the file
 * holds, refusing what FFmpeg cannot decode and what lasts longer than the job limit, code
 * {@code media_too_long}) and {@code analyze} (loudness, noise, pitch, voice quality and suggestions,
 * in one pass over the audio block by block: see {@link VoiceAnalyzer} for what memory that takes).
 * Emits the events of {@link AnalyzeEvents}: each stage started and done (with its duration), then
 * COMPLETED analyze (with its duration) or FAILED. The report is also stored as output
 * {@code report}, without timestamps, so a replay writes the same bytes under the same key.
 *
 * <p>Parameters ({@link AnalyzeJob}): the loudness target, and whether the recording is judged as a
 * voice-cloning sample.
 */
public class AnalyzeOperator extends MediaJobOperator {
    private static final long serialVersionUID = 2L;

    public static final String REPORT = "report";

    private final MediaProbe probe;
    private final JobLimits limits;
    private transient VoiceAnalyzer analyzer;

    public AnalyzeOperator(ObjectStorage storage, MediaProbe probe, JobLimits limits, Quarantine quarantine) {
        super(storage, quarantine);
        this.probe = probe;
        this.limits = limits;
    }

    @Override
    protected void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception {
        String key = requireInput(request, AnalyzeJob.MEDIA);
        AnalysisOptions options = options(AnalyzeJob.fromParameters(request.parameters()));
        out.collect(JobEvents.progress(request, AnalyzeEvents.PROBE_STARTED));
        ObjectNode report = LocalCopy.of(storage(), key, file -> {
            ProbeResult media = probe.probe(file);
            MediaTooLongException.requireWithin(media.durationSec(), limits.maxMediaSeconds());
            out.collect(JobEvents.stageDone(request, AnalyzeEvents.PROBE_DONE, clock.lap()));
            out.collect(JobEvents.progress(request, AnalyzeEvents.ANALYSIS_STARTED));
            AnalysisResult result;
            try (AudioBlocks audio = new AudioDecoder(limits.maxMediaSeconds()).open(file)) {
                result = analyzer().analyze(audio, options);
            }
            ObjectNode json = RecordCodec.mapper().valueToTree(result);
            json.set("media", RecordCodec.mapper().valueToTree(media));
            return json;
        });
        byte[] bytes = RecordCodec.mapper().writeValueAsBytes(report);
        String reportKey = StorageKeys.output(request.jobId(), "report.json");
        storage().write(reportKey, bytes);
        out.collect(JobEvents.completed(
                request,
                finalSeq(),
                AnalyzeEvents.ANALYZE,
                clock.lap(),
                report.toString(),
                Map.of(REPORT, reportKey),
                report.path("durationSec").asDouble()));
    }

    @Override
    protected int finalSeq() {
        return AnalyzeEvents.FINAL;
    }

    private static AnalysisOptions options(AnalyzeJob job) {
        AnalysisOptions options = AnalysisOptions.DEFAULT.withTarget(job.target());
        return job.cloning() ? options.forCloning() : options;
    }

    private VoiceAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = new VoiceAnalyzer();
        }
        return analyzer;
    }
}
