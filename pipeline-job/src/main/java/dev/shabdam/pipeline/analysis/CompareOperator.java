package dev.shabdam.pipeline.analysis;

import dev.shabdam.pipeline.analysis.speaker.SpeakerEmbedder;
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
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.CompareEvents;
import dev.shabdam.schemas.jobs.CompareJob;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a COMPARE job: probes recordings {@code a} and {@code b}, refusing one longer than the job
 * limit ({@code media_too_long}), and reads each block by block (stage {@code decode}), then compares
 * the speakers and the delivery (stage {@code compare}). Emits the events of {@link CompareEvents}:
 * each stage started and done (with its duration), then COMPLETED compare (with its duration) or
 * FAILED. The speakers are compared with the embedder chosen at
 * {@link #open}: the ONNX model when installed in the models dir, else MFCC statistics.
 *
 * <p>Memory: durations and loudness cover each whole recording, but only the first
 * {@value ComparedRecording#SPEECH_SECONDS} s of each one's 16 kHz speech track are kept, and the
 * voice (embedding, mel-cepstral distortion, pitch) is compared on those ({@link ComparedRecording}).
 */
public class CompareOperator extends MediaJobOperator {
    private static final long serialVersionUID = 1L;

    private final String modelsDir;
    private final MediaProbe probe;
    private final JobLimits limits;
    private transient SpeakerEmbedder embedder;
    private transient VoiceComparator comparator;

    /** {@code modelsDir}: where an ONNX speaker-embedding model may be installed (models/cache). */
    public CompareOperator(
            ObjectStorage storage, String modelsDir, MediaProbe probe, JobLimits limits, Quarantine quarantine) {
        super(storage, quarantine);
        this.modelsDir = modelsDir;
        this.probe = probe;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        embedder = VoiceComparator.embedderFor(Path.of(modelsDir));
        comparator = new VoiceComparator(embedder);
    }

    @Override
    public void close() throws Exception {
        if (embedder instanceof AutoCloseable closeable) {
            closeable.close();
        }
        embedder = null;
        comparator = null;
        super.close();
    }

    @Override
    protected void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception {
        String a = requireInput(request, CompareJob.RECORDING_A);
        String b = requireInput(request, CompareJob.RECORDING_B);
        out.collect(JobEvents.progress(request, CompareEvents.DECODE_STARTED));
        ComparedRecording first = read(a);
        ComparedRecording second = read(b);
        out.collect(JobEvents.stageDone(request, CompareEvents.DECODE_DONE, clock.lap()));
        out.collect(JobEvents.progress(request, CompareEvents.COMPARISON_STARTED));
        ComparisonResult result = comparator.compare(first, second);
        out.collect(JobEvents.completed(
                request,
                finalSeq(),
                CompareEvents.COMPARE,
                clock.lap(),
                new String(RecordCodec.encode(result), StandardCharsets.UTF_8),
                Map.of(),
                null));
    }

    @Override
    protected int finalSeq() {
        return CompareEvents.FINAL;
    }

    private ComparedRecording read(String key) throws Exception {
        return LocalCopy.of(storage(), key, file -> {
            MediaTooLongException.requireWithin(probe.probe(file).durationSec(), limits.maxMediaSeconds());
            try (AudioBlocks audio = new AudioDecoder(limits.maxMediaSeconds()).open(file)) {
                return ComparedRecording.read(audio);
            }
        });
    }
}
