package dev.shabdam.gateway.progress;

import dev.shabdam.gateway.jobs.JobRow;
import dev.shabdam.gateway.jobs.JobView;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.VoiceEvent;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One SSE stream of one job. It is subscribed to live events before the stored ones are read, so
 * nothing falls between the two; live events arriving during the replay are held back and sent after
 * it, and an event whose seq was already sent (stored and live, or redelivered) is dropped. The stream
 * ends with the first final event.
 *
 * <p>Live events are sent on the Kafka listener's thread; SSE writes go to the socket buffer, and a
 * client too slow to drain it fails the write and ends its stream.
 */
final class JobEventSession {
    private final SseEmitter emitter;
    /** The job body sent with a final event: the stored row, brought up to date by the event. */
    private final Function<VoiceEvent, JobView> finalBody;

    private final List<VoiceEvent> heldBack = new ArrayList<>();
    private boolean replaying = true;
    private boolean ended;
    private int lastSeq;

    JobEventSession(SseEmitter emitter, Function<VoiceEvent, JobView> finalBody) {
        this.emitter = emitter;
        this.finalBody = finalBody;
    }

    synchronized void live(VoiceEvent event) {
        if (replaying) {
            heldBack.add(event);
        } else {
            send(event);
        }
    }

    /**
     * Sends the stored events, then those held back. A job whose row is final without a final event
     * in sight (its final event written before this stream began listening, or none at all: a job the
     * queue refused) ends the stream with the row.
     */
    synchronized void replay(List<VoiceEvent> stored, JobRow job) {
        stored.forEach(this::send);
        replaying = false;
        heldBack.sort(Comparator.comparingInt(VoiceEvent::seq));
        heldBack.forEach(this::send);
        heldBack.clear();
        if (!ended && job.status().isFinal()) {
            end(job.status().name().toLowerCase(Locale.ROOT), null, JobView.of(job));
        }
    }

    synchronized void close() {
        ended = true;
    }

    private void send(VoiceEvent event) {
        if (ended || event.seq() <= lastSeq) {
            return;
        }
        lastSeq = event.seq();
        if (event.kind() == EventKind.PROGRESS) {
            emit(event.kind().sseName(), event.seq(), ProgressData.of(event));
        } else {
            end(event.kind().sseName(), event.seq(), finalBody.apply(event));
        }
    }

    private void end(String name, Integer seq, JobView body) {
        emit(name, seq, body);
        ended = true;
        emitter.complete();
    }

    private void emit(String name, Integer seq, Object data) {
        SseEmitter.SseEventBuilder builder = SseEmitter.event().name(name).data(data);
        if (seq != null) {
            builder.id(Integer.toString(seq));
        }
        try {
            emitter.send(builder);
        } catch (IOException | IllegalStateException e) {
            // the client went away or the stream already ended
            ended = true;
            emitter.completeWithError(e);
        }
    }
}
