package dev.shabdam.pipeline.watermark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.io.LocalCopy;
import dev.shabdam.pipeline.io.MarkedJobs;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.MediaJobOperator;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.StageClock;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.DetectWatermarkEvents;
import dev.shabdam.schemas.jobs.DetectWatermarkJob;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

import java.io.File;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a DETECT_WATERMARK job: decodes the upload's first {@value #SEARCH_SECONDS} s to 16 kHz mono (the mark
 * repeats every 2 s, so a minute is plenty, and an hour-long upload costs no more), searches it with the
 * key's {@link WatermarkDetector}, and answers {@code {"watermarked","confidence","jobId"?}}: the job id only
 * when the payload names a GENERATE or DUB job of the same tenant ({@link MarkedJobs}).
 */
public class DetectWatermarkOperator extends MediaJobOperator {
    private static final long serialVersionUID = 1L;
    static final int SEARCH_SECONDS = 60;
    private static final int RATE = 16_000;

    private final WatermarkSettings watermarking;
    private final MarkedJobs markedJobs;
    private final JobLimits limits;
    private transient WatermarkDetector detector;

    public DetectWatermarkOperator(
            ObjectStorage storage,
            WatermarkSettings watermarking,
            MarkedJobs markedJobs,
            JobLimits limits,
            Quarantine quarantine) {
        super(storage, quarantine);
        this.watermarking = watermarking;
        this.markedJobs = markedJobs;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) {
        detector = new WatermarkDetector(watermarking.key());
    }

    @Override
    public void close() throws Exception {
        markedJobs.close();
        super.close();
    }

    @Override
    protected void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception {
        String media = requireInput(request, DetectWatermarkJob.MEDIA);
        out.collect(JobEvents.progress(request, DetectWatermarkEvents.DETECTION_STARTED));
        float[] samples = LocalCopy.of(storage(), media, this::searched);
        WatermarkDetection found = detector.detect(samples, RATE);
        Optional<String> jobId = found.payload().isPresent()
                ? markedJobs.find(request.tenantId(), found.payload().getAsInt())
                : Optional.empty();
        ObjectNode result = RecordCodec.mapper().createObjectNode();
        result.put("watermarked", found.watermarked());
        result.put("confidence", Math.round(found.confidence() * 10_000) / 10_000.0);
        jobId.ifPresent(id -> result.put("jobId", id));
        out.collect(JobEvents.completed(
                request,
                finalSeq(),
                DetectWatermarkEvents.DETECT,
                clock.lap(),
                result.toString(),
                Map.of(),
                samples.length / (double) RATE));
    }

    @Override
    protected int finalSeq() {
        return DetectWatermarkEvents.FINAL;
    }

    /** The first {@value #SEARCH_SECONDS} s of the file, 16 kHz mono. */
    private float[] searched(File file) throws Exception {
        float[] samples = new float[SEARCH_SECONDS * RATE];
        int filled = 0;
        try (AudioBlocks blocks = new AudioDecoder(limits.maxMediaSeconds()).open(file, RATE, 1)) {
            for (DecodedAudio block; filled < samples.length && (block = blocks.next()) != null; ) {
                int n = Math.min(block.frames(), samples.length - filled);
                System.arraycopy(block.channels()[0], 0, samples, filled, n);
                filled += n;
            }
        }
        return Arrays.copyOf(samples, filled);
    }
}
