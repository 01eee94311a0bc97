package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobFailures;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
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
 * Synthesises and aligns one line of a dub. Keyed by line, so that the lines of one long job spread
 * over every subtask; the cancelled jobs come in on the broadcast side, and their lines still
 * waiting are answered CANCELLED without being spoken.
 *
 * <p>Each line's aligned audio and its description are stored under deterministic keys, the
 * description last: a line whose description is already stored was finished by an earlier attempt
 * (before a failure, or a replay after recovery) and is answered from storage without synthesis. A line
 * whose work crashed the task on both of its tries ({@link Quarantine}) is answered FAILED, which fails
 * its job.
 */
public class DubUtteranceOperator extends KeyedBroadcastProcessFunction<String, UtteranceTask, String, DubbedUtterance> {
    private static final long serialVersionUID = 1L;

    /** Cancelled job id → when the cancellation arrived (epoch ms). */
    public static final MapStateDescriptor<String, Long> CANCELLED_JOBS =
            new MapStateDescriptor<>("cancelled-dubs", Types.STRING, Types.LONG);
    /** Lines are handed out at once after ingest; a cancellation older than this concerns no waiting line. */
    static final Duration REMEMBER_CANCELLED = Duration.ofDays(1);

    private final ObjectStorage storage;
    private final String modelsDir;
    private final Quarantine quarantine;
    private transient UtteranceDubber dubber;

    public DubUtteranceOperator(ObjectStorage storage, String modelsDir, Quarantine quarantine) {
        this.storage = storage;
        this.modelsDir = modelsDir;
        this.quarantine = quarantine;
    }

    @Override
    public void open(OpenContext openContext) {
        dubber = new UtteranceDubber(SpeechEngines.shared(Path.of(modelsDir)), new UtteranceAligner());
    }

    @Override
    public void processElement(UtteranceTask task, ReadOnlyContext ctx, Collector<DubbedUtterance> out) throws Exception {
        if (ctx.getBroadcastState(CANCELLED_JOBS).contains(task.jobId())) {
            out.collect(DubbedUtterance.cancelled(task));
            return;
        }
        Optional<JobError> quarantined = quarantine.attempt(task.lineKey(), () -> out.collect(doneOrDub(task)));
        quarantined.ifPresent(error -> out.collect(DubbedUtterance.failed(task, error.code(), error.detail())));
    }

    @Override
    public void close() throws Exception {
        quarantine.close();
        super.close();
    }

    /** The line as an earlier attempt stored it, else spoken now. */
    private DubbedUtterance doneOrDub(UtteranceTask task) throws Exception {
        Optional<byte[]> done = storage.readIfPresent(descriptionKey(task));
        if (done.isPresent()) {
            return RecordCodec.mapper().readValue(done.get(), DubbedUtterance.class);
        }
        return dub(task);
    }

    @Override
    public void processBroadcastElement(String jobId, Context ctx, Collector<DubbedUtterance> out) throws Exception {
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
    private DubbedUtterance dub(UtteranceTask task) throws Exception {
        UtteranceDubber.Dubbed dubbed;
        try {
            dubbed = dubber.dub(task);
        } catch (RuntimeException e) {
            JobError error = JobFailures.describe(e, "line " + task.index() + " of dub " + task.jobId());
            return DubbedUtterance.failed(task, error.code(), error.detail());
        }
        String audioKey = StorageKeys.segment(task.jobId(), task.index(), "dub.wav");
        storage.write(audioKey, WavWriter.toBytes(dubbed.aligned().audio().samples(), dubbed.aligned().audio().sampleRate()));
        DubbedUtterance line = DubbedUtterance.dubbed(task, audioKey, dubbed);
        storage.write(descriptionKey(task), RecordCodec.mapper().writeValueAsBytes(line));
        return line;
    }

    private static String descriptionKey(UtteranceTask task) {
        return StorageKeys.segment(task.jobId(), task.index(), "dub.json");
    }
}
