package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobFailures;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Synthesises one line of a dub and fits it to its slot. Keyed by line, so that the lines of one long job spread
 * over every subtask; the cancelled jobs come in on the broadcast side, and their lines still
 * waiting are answered CANCELLED without being spoken.
 *
 * <p>Each line's fitted audio and its description are stored under deterministic keys, the
 * description last: a line whose description is already stored was finished by an earlier attempt
 * (before a failure, or a replay after recovery) and is answered from storage without synthesis. A line
 * whose work crashed the task on both of its tries ({@link Quarantine}) is answered FAILED, which fails
 * its job.
 */
public class DubLineOperator extends KeyedBroadcastProcessFunction<String, LineTask, String, DubbedLine> {
    private static final long serialVersionUID = 1L;

    /** Cancelled job id → when the cancellation arrived (epoch ms). */
    public static final MapStateDescriptor<String, Long> CANCELLED_JOBS =
            new MapStateDescriptor<>("cancelled-dubs", Types.STRING, Types.LONG);
    /** Lines are handed out at once after ingest; a cancellation older than this concerns no waiting line. */
    static final Duration REMEMBER_CANCELLED = Duration.ofDays(1);

    private final ObjectStorage storage;
    private final String modelsDir;
    private final Quarantine quarantine;
    private transient LineDubber dubber;

    public DubLineOperator(ObjectStorage storage, String modelsDir, Quarantine quarantine) {
        this.storage = storage;
        this.modelsDir = modelsDir;
        this.quarantine = quarantine;
    }

    @Override
    public void open(OpenContext openContext) {
        dubber = new LineDubber(SpeechEngines.shared(Path.of(modelsDir)), new LineFitter());
        getRuntimeContext()
                .registerUserCodeClassLoaderReleaseHookIfAbsent(
                        EspeakSynthesizer.WORKERS_RELEASE_HOOK, EspeakSynthesizer::stopWorkers);
    }

    @Override
    public void processElement(LineTask task, ReadOnlyContext ctx, Collector<DubbedLine> out) throws Exception {
        if (ctx.getBroadcastState(CANCELLED_JOBS).contains(task.jobId())) {
            out.collect(DubbedLine.cancelled(task));
            return;
        }
        Optional<JobError> quarantined = quarantine.attempt(task.lineKey(), () -> out.collect(doneOrDub(task)));
        quarantined.ifPresent(error -> out.collect(DubbedLine.failed(task, error.code(), error.detail())));
    }

    @Override
    public void close() throws Exception {
        quarantine.close();
        super.close();
    }

    /** The line as an earlier attempt stored it, else spoken now. */
    private DubbedLine doneOrDub(LineTask task) throws Exception {
        Optional<byte[]> done = storage.readIfPresent(descriptionKey(task));
        if (done.isPresent()) {
            return RecordCodec.mapper().readValue(done.get(), DubbedLine.class);
        }
        return dub(task);
    }

    @Override
    public void processBroadcastElement(String jobId, Context ctx, Collector<DubbedLine> out) throws Exception {
        BroadcastState<String, Long> cancelled = ctx.getBroadcastState(CANCELLED_JOBS);
        long now = System.currentTimeMillis();
        cancelled.put(jobId, now);
        // forget old cancellations here: broadcast state has no TTL
        Iterator<Map.Entry<String, Long>> entries = cancelled.iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue() < now - REMEMBER_CANCELLED.toMillis()) {
                entries.remove();
            }
        }
    }

    /** Speaks and stores the line; a line that cannot be spoken is answered FAILED, which fails its job. */
    private DubbedLine dub(LineTask task) throws Exception {
        LineDubber.Dubbed dubbed;
        try {
            dubbed = dubber.dub(task);
        } catch (RuntimeException e) {
            JobError error = JobFailures.describe(e, "line " + task.index() + " of dub " + task.jobId());
            return DubbedLine.failed(task, error.code(), error.detail());
        }
        String audioKey = StorageKeys.segment(task.jobId(), task.index(), "dub.wav");
        storage.write(
                audioKey,
                WavWriter.toBytes(
                        dubbed.fitted().audio().samples(),
                        dubbed.fitted().audio().sampleRate()));
        DubbedLine line = DubbedLine.dubbed(task, audioKey, dubbed);
        storage.write(descriptionKey(task), RecordCodec.mapper().writeValueAsBytes(line));
        return line;
    }

    private static String descriptionKey(LineTask task) {
        return StorageKeys.segment(task.jobId(), task.index(), "dub.json");
    }
}
