package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.io.MissingObjectException;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.EventSeq;
import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an ANALYZE job: fetches the input from object storage, probes it and stores the report.
 * Emits seq 1 (PROGRESS, stage {@code probe}) then seq 2 (COMPLETED or FAILED).
 *
 * <p>Every {@link Exception} ends the job as FAILED: a request that cannot be processed must not
 * fail the Flink job, or the restart would replay it and fail again. {@link Error}s are left to
 * Flink on purpose: they mean the process is unwell, and recovery from a checkpoint is the cure.
 */
public class AnalyzeOperator extends KeyedProcessFunction<String, VoiceRequest, VoiceEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeOperator.class);

    public static final String STAGE = "probe";
    public static final String INPUT = "file";
    public static final String REPORT = "report";
    static final int STARTED_SEQ = EventSeq.FIRST;
    static final int FINISHED_SEQ = EventSeq.FIRST + 1;

    private final ObjectStorage storage;
    private final MediaProbe probe;

    public AnalyzeOperator(ObjectStorage storage, MediaProbe probe) {
        this.storage = storage;
        this.probe = probe;
    }

    @Override
    public void processElement(VoiceRequest request, Context ctx, Collector<VoiceEvent> out) {
        out.collect(JobEvents.progress(request, STARTED_SEQ, STAGE, 0.0));
        out.collect(analyze(request));
    }

    private VoiceEvent analyze(VoiceRequest request) {
        long started = System.nanoTime();
        String inputKey = request.inputs().get(INPUT);
        try {
            if (inputKey == null) {
                return failed(request, started, "input_missing", "the request names no '" + INPUT + "' input");
            }
            ProbeResult result = probeStored(inputKey);
            // no timestamps in the report: a replay writes the same bytes under the same key
            byte[] report = RecordCodec.encode(result);
            String reportKey = StorageKeys.output(request.jobId(), "report.json");
            storage.write(reportKey, report);
            return JobEvents.completed(request, FINISHED_SEQ, STAGE, elapsedMs(started),
                    new String(report, StandardCharsets.UTF_8), Map.of(REPORT, reportKey), result.durationSec());
        } catch (MediaDecodeException e) {
            return failed(request, started, "unsupported_media", e.getMessage());
        } catch (MissingObjectException e) {
            return failed(request, started, "input_missing", "the uploaded file is gone: " + e.getMessage());
        } catch (Exception e) {
            LOG.warn("ANALYZE job {} failed", request.jobId(), e);
            return failed(request, started, "internal_error", e.toString());
        }
    }

    private ProbeResult probeStored(String key) throws Exception {
        Path local = Files.createTempFile("shabdam-analyze-", suffixOf(key));
        try {
            storage.download(key, local);
            return probe.probe(local.toFile());
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** FFmpeg guesses the format from the content, but the extension is a useful hint for raw streams. */
    private static String suffixOf(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : "";
    }

    private static VoiceEvent failed(VoiceRequest request, long started, String code, String detail) {
        return JobEvents.failed(request, FINISHED_SEQ, STAGE, elapsedMs(started), new JobError(code, detail));
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
