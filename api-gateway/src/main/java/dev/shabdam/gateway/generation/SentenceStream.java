package dev.shabdam.gateway.generation;

import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.jobs.GenerateJob;
import org.springframework.core.io.Resource;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The events of one streamed GENERATE job, turned into one WAV stream. The bus hands the events in
 * (on a Kafka listener's thread, which only queues them); the response body writes them out on its
 * own thread: each sentence's PCM in sentence order as its event brings the sentence's WAV (inline
 * from {@code voice.replies}, or naming a stored one when it was too large), or the whole cached WAV
 * when the job completes without sentences ({@link AudioOutputs} finds either).
 */
final class SentenceStream {
    private final BlockingQueue<VoiceEvent> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<VoiceEvent> firstAnswer = new CompletableFuture<>();

    /** Given to the bus. */
    void accept(VoiceEvent event) {
        events.add(event);
        if (event.status().isFinal() || isSentence(event)) {
            firstAnswer.complete(event);
        }
    }

    /** Completes with the first event that decides the answer: a sentence to play, or the job's end. */
    CompletableFuture<VoiceEvent> firstAnswer() {
        return firstAnswer;
    }

    /**
     * Writes the stream until the job ends or {@code deadline} passes; a failure or the deadline
     * midway ends the stream where it is. {@code flush} sends what was written to the client (the
     * response's own flush: Spring's body stream does not flush).
     */
    void writeTo(OutputStream out, Flushable flush, AudioOutputs outputs, Instant deadline)
            throws IOException, InterruptedException {
        WavStream wav = new WavStream(out, flush);
        Map<Integer, VoiceEvent> waiting = new TreeMap<>();
        int next = 0;
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            VoiceEvent event = left > 0 ? events.poll(left, TimeUnit.MILLISECONDS) : null;
            if (event == null) {
                return;
            }
            if (isSentence(event) && event.segment() >= next) {
                waiting.put(event.segment(), event);
            }
            while (waiting.containsKey(next)) {
                VoiceEvent sentence = waiting.remove(next++);
                append(wav, outputs, sentence, sentenceOutput(sentence));
            }
            if (event.status().isFinal()) {
                if (event.kind() == EventKind.COMPLETED) {
                    for (VoiceEvent rest : waiting.values()) { // after a gap: better late than never
                        append(wav, outputs, rest, sentenceOutput(rest));
                    }
                    if (!wav.started()) { // a cache hit: no sentences, the whole audio at once
                        append(wav, outputs, event, GenerateJob.AUDIO);
                    }
                }
                return;
            }
        }
    }

    /** Appends the WAV that is {@code event}'s output {@code name}. */
    private static void append(WavStream wav, AudioOutputs outputs, VoiceEvent event, String name) throws IOException {
        String key = event.outputs().get(name);
        Resource audio = outputs.find(event.tenantId(), event, name, key)
                .orElseThrow(() -> new IOException("no object " + key + " in storage"));
        try (InputStream in = audio.getInputStream()) {
            wav.append(in);
        }
    }

    /** A streamed sentence's event: its audio inline (the usual case) or stored under the output it names. */
    private static boolean isSentence(VoiceEvent event) {
        if (event.kind() != EventKind.PROGRESS || event.segment() == null) {
            return false;
        }
        String name = sentenceOutput(event);
        return event.inlineOutputs().containsKey(name) || event.outputs().containsKey(name);
    }

    private static String sentenceOutput(VoiceEvent event) {
        return GenerateJob.sentenceOutput(event.segment());
    }
}
