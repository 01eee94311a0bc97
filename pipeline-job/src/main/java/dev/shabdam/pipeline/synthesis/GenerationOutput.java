package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;

/**
 * Where a generation's events go: each to the record (the main output: {@code voice.events} and the
 * tables), and those a waiting client acts on (a streamed sentence, the end) to that client at once as well
 * ({@link #REPLIES}, bound for {@code voice.replies}). Progress without audio waits for the record: a reply
 * nobody acts on would only keep the broker and the gateway busy while the sentence is being spoken.
 *
 * <p>An event that brings audio (a streamed sentence, the finished file) carries the bytes inline in its
 * reply when they are small, so the client is answered without a read from storage and without waiting
 * for the write; the audio is stored after the reply and recorded after that, so the record (and with it
 * {@code GET /jobs/{id}/outputs/…} and the cache index) never names an object that is not there yet.
 * Larger audio is stored first and its reply only names it. A streamed sentence is not kept at all when
 * it travels inline: the finished file holds it too.
 */
final class GenerationOutput {
    static final OutputTag<VoiceEvent> REPLIES = new OutputTag<>("replies", TypeInformation.of(VoiceEvent.class));

    private final KeyedProcessFunction<String, VoiceRequest, VoiceEvent>.Context ctx;
    private final Collector<VoiceEvent> recorded;
    private final ObjectStorage storage;

    GenerationOutput(
            KeyedProcessFunction<String, VoiceRequest, VoiceEvent>.Context ctx,
            Collector<VoiceEvent> recorded,
            ObjectStorage storage) {
        this.ctx = ctx;
        this.recorded = recorded;
        this.storage = storage;
    }

    /** An event that brings no audio of its own; the waiting client hears it at once when it ends the job. */
    void emit(VoiceEvent event) {
        if (event.status().isFinal()) {
            ctx.output(REPLIES, event);
        }
        recorded.collect(event);
    }

    /** Whether {@code bytes} of audio travel inside a reply. */
    static boolean travelsInline(byte[] bytes) {
        return bytes.length <= VoiceEvent.MAX_INLINE_OUTPUT_BYTES;
    }

    /** An event that brings {@code bytes} as output {@code name} to the waiting client only: the record does not name them. */
    void emitInline(VoiceEvent event, String name, byte[] bytes) {
        ctx.output(REPLIES, event.withInlineOutput(name, bytes));
        recorded.collect(event);
    }

    /** An event whose output {@code name} is {@code bytes}, stored under the key the event names for it. */
    void emitStored(VoiceEvent event, String name, byte[] bytes) throws IOException {
        String key = event.outputs().get(name);
        if (travelsInline(bytes)) {
            ctx.output(REPLIES, event.withInlineOutput(name, bytes));
            storage.write(key, bytes);
        } else {
            storage.write(key, bytes);
            ctx.output(REPLIES, event);
        }
        recorded.collect(event);
    }
}
