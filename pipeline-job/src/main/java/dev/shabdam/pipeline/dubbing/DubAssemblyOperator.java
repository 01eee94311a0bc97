package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.pipeline.jobs.JobFailures;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.StageClock;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.schemas.JobError;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.DubEvents;
import dev.shabdam.schemas.jobs.PlannedEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyed by job: collects a dub's lines as synthesis finishes them (in any order, before or after the
 * job's {@link DubPlan}), reports each one, and once all are in mixes and muxes the job
 * ({@link DubAssembler}) and emits COMPLETED. The plan and the lines received are keyed state, so
 * after a failure the job resumes from the checkpoint without speaking those lines again.
 *
 * <p>A FAILED line fails the job; a CANCELLED line ends it quietly (the cancellation gate already
 * emitted CANCELLED). An assembly that crashed the task on both of its tries ({@link Quarantine}) fails
 * the job. An ended job's late lines are dropped, and its state is cleared; the mark that
 * it ended is kept for a day.
 */
public class DubAssemblyOperator extends KeyedCoProcessFunction<String, DubPlan, DubbedLine, VoiceEvent> {
    private static final long serialVersionUID = 1L;
    static final Duration REMEMBER_ENDED = Duration.ofDays(1);

    private final ObjectStorage storage;
    private final MediaProbe probe;
    private final JobLimits limits;
    private final Quarantine quarantine;
    private final WatermarkSettings watermarking;
    private transient DubAssembler assembler;
    private transient ValueState<DubPlan> plan;
    private transient MapState<Integer, DubbedLine> lines;
    private transient ValueState<Integer> received;
    private transient ValueState<Boolean> ended;

    /**
     * @param limits the longest original the mix decodes ({@code media_too_long} should its header have lied)
     * @param watermarking the mark on the mixed track
     */
    public DubAssemblyOperator(
            ObjectStorage storage,
            MediaProbe probe,
            JobLimits limits,
            Quarantine quarantine,
            WatermarkSettings watermarking) {
        this.storage = storage;
        this.probe = probe;
        this.limits = limits;
        this.quarantine = quarantine;
        this.watermarking = watermarking;
    }

    @Override
    public void open(OpenContext openContext) {
        assembler = new DubAssembler(storage, DubMixer.standard(), probe, limits, watermarking);
        plan = getRuntimeContext().getState(new ValueStateDescriptor<>("plan", TypeInformation.of(DubPlan.class)));
        lines = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("lines", Types.INT, TypeInformation.of(DubbedLine.class)));
        received = getRuntimeContext().getState(new ValueStateDescriptor<>("received", Types.INT));
        ValueStateDescriptor<Boolean> endedDescriptor = new ValueStateDescriptor<>("ended", Types.BOOLEAN);
        endedDescriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(REMEMBER_ENDED).build());
        ended = getRuntimeContext().getState(endedDescriptor);
    }

    @Override
    public void processElement1(DubPlan newPlan, Context ctx, Collector<VoiceEvent> out) throws Exception {
        if (Boolean.TRUE.equals(ended.value())) {
            return;
        }
        for (DubbedLine line : lines.values()) {
            if (line.outcome() != DubbedLine.Outcome.DUBBED) {
                end(newPlan, line, out);
                return;
            }
        }
        plan.update(newPlan);
        int count = received();
        if (count > 0) {
            out.collect(JobEvents.progress(newPlan.request(), DubEvents.lineReceived(count, newPlan.lineCount())));
        }
        assembleIfComplete(newPlan, out);
    }

    @Override
    public void processElement2(DubbedLine line, Context ctx, Collector<VoiceEvent> out) throws Exception {
        if (Boolean.TRUE.equals(ended.value()) || lines.contains(line.index())) {
            return;
        }
        lines.put(line.index(), line);
        int count = received() + 1;
        received.update(count);
        DubPlan known = plan.value();
        if (known == null) {
            return;
        }
        if (line.outcome() != DubbedLine.Outcome.DUBBED) {
            end(known, line, out);
            return;
        }
        PlannedEvent step = DubEvents.lineReceived(count, known.lineCount());
        out.collect(
                count < known.lineCount()
                        ? JobEvents.segment(known.request(), step, line.index(), Map.of())
                        : JobEvents.stageDone(known.request(), step, System.currentTimeMillis() - known.plannedAtMs()));
        assembleIfComplete(known, out);
    }

    private void assembleIfComplete(DubPlan known, Collector<VoiceEvent> out) throws Exception {
        if (received() < known.lineCount()) {
            return;
        }
        List<DubbedLine> all = new ArrayList<>(known.lineCount());
        for (int k = 0; k < known.lineCount(); k++) {
            all.add(lines.get(k));
        }
        out.collect(JobEvents.progress(known.request(), DubEvents.mixStarted(known.lineCount())));
        StageClock clock = StageClock.start();
        Optional<JobError> quarantined =
                quarantine.attempt(known.jobId(), () -> out.collect(assemble(known, all, clock)));
        if (quarantined.isPresent()) {
            out.collect(
                    JobEvents.failed(known.request(), DubEvents.FINAL, DubEvents.MIX, clock.lap(), quarantined.get()));
        }
        finish();
    }

    /** The job's COMPLETED event with its outputs, or FAILED with the reason. */
    private VoiceEvent assemble(DubPlan known, List<DubbedLine> all, StageClock clock) {
        try {
            DubAssembler.Assembled done = assembler.assemble(known, all);
            return JobEvents.completed(
                    known.request(),
                    DubEvents.FINAL,
                    DubEvents.MIX,
                    clock.lap(),
                    done.resultJson(),
                    done.outputs(),
                    done.mediaSeconds());
        } catch (Exception e) {
            JobError error = JobFailures.describe(e, "assembly of dub " + known.jobId());
            return JobEvents.failed(known.request(), DubEvents.FINAL, DubEvents.MIX, clock.lap(), error);
        }
    }

    @Override
    public void close() throws Exception {
        quarantine.close();
        super.close();
    }

    /** A line that was not dubbed ends the job: FAILED with its reason, or quietly when cancelled. */
    private void end(DubPlan known, DubbedLine line, Collector<VoiceEvent> out) throws Exception {
        if (line.outcome() == DubbedLine.Outcome.FAILED) {
            out.collect(JobEvents.failed(
                    known.request(),
                    DubEvents.FINAL,
                    DubEvents.SYNTHESIZE,
                    null,
                    new JobError(line.errorCode(), "line " + (line.index() + 1) + ": " + line.errorDetail())));
        }
        finish();
    }

    private void finish() throws Exception {
        ended.update(true);
        plan.clear();
        lines.clear();
        received.clear();
    }

    private int received() throws Exception {
        Integer count = received.value();
        return count == null ? 0 : count;
    }
}
