package dev.shabdam.pipeline.synthesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.io.LocalCopy;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.io.SynthesisCacheIndex;
import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.pipeline.jobs.MediaJobOperator;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.StageClock;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.AudioEncoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.pipeline.synthesis.engine.EspeakSynthesizer;
import dev.shabdam.pipeline.synthesis.engine.SynthesisRequest;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.pipeline.watermark.Watermarker;
import dev.shabdam.schemas.CacheScope;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.GenerateEvents;
import dev.shabdam.schemas.jobs.GenerateJob;
import dev.shabdam.schemas.jobs.PlannedEvent;
import dev.shabdam.speech.text.SsmlParser;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a GENERATE job: Malayalam or English text (or SSML) → normalised sentences → speech → one
 * loudness-normalised file in the asked format, content-addressed in the synthesis cache.
 *
 * <p>Events ({@link GenerateEvents}): started; one per sentence (with its WAV when the request
 * streams, so the gateway can play it at once: inline in the reply, or stored as output {@code sentence-i}
 * when too large to travel inline); then
 * COMPLETED with output {@code audio}, or FAILED with the engine's code. The
 * events a waiting client acts on (streamed sentences, the end) go to it first, with small audio inline
 * ({@link GenerationOutput}).
 *
 * <p>Cache: the key hashes the cache scope (the tenant's own, or the shared one: {@link CacheScope}), the
 * normalised text, language, voice, controls, engine and model version ({@link SentenceStreamer#cacheKey});
 * the audio lives at {@code cache/tts/<scope>/<key>.<format>}, its result in the {@code synthesis_cache}
 * table. A hit (in this TaskManager's {@link KnownResults}, else in the table) answers with the stored
 * object, without synthesis. The operator is keyed by {@link GenerationKey}, so identical
 * requests arriving together run one after the other here, and the later ones are hits.
 *
 * <p>Watermark: the cache holds the unmarked synthesis, because it is shared by every job of its scope and
 * a mark names one job. Each job's answer (output {@code audio}, stored under the job's own key, and each
 * streamed sentence) is marked with its job's {@link Watermarker} after the cache: a hit decodes the cached
 * object, marks it and encodes it again (for MP3 and Ogg one more lossy generation). Tenants configured
 * without a mark ({@link WatermarkSettings}) are answered with the cached object itself, identical bytes.
 */
public class GenerateOperator extends MediaJobOperator {
    private static final long serialVersionUID = 2L;
    private static final KnownResults KNOWN = new KnownResults(10_000);

    /** This operator's events for voice.replies, small audio inline; the main output is the record. */
    public static final OutputTag<VoiceEvent> REPLIES = GenerationOutput.REPLIES;

    private final String voicesDir;
    private static final AudioDecoder DECODER = new AudioDecoder();

    private final SynthesisCacheIndex index;
    private final WatermarkSettings watermarking;
    private transient SpeechEngines engines;
    private transient Counter hits;
    private transient Counter misses;

    /**
     * @param voicesDir the models folder holding VITS voices (see models/manifest.json)
     * @param watermarking the mark each job's audio gets after the cache
     */
    public GenerateOperator(
            ObjectStorage storage,
            SynthesisCacheIndex index,
            String voicesDir,
            Quarantine quarantine,
            WatermarkSettings watermarking) {
        super(storage, quarantine);
        this.index = index;
        this.voicesDir = voicesDir;
        this.watermarking = watermarking;
    }

    @Override
    public void open(OpenContext openContext) {
        engines = SpeechEngines.shared(Path.of(voicesDir));
        getRuntimeContext()
                .registerUserCodeClassLoaderReleaseHookIfAbsent(
                        EspeakSynthesizer.WORKERS_RELEASE_HOOK, EspeakSynthesizer::stopWorkers);
        hits = getRuntimeContext().getMetricGroup().counter("synthesisCacheHits");
        misses = getRuntimeContext().getMetricGroup().counter("synthesisCacheMisses");
    }

    @Override
    public void close() throws Exception {
        index.close();
        super.close();
    }

    @Override
    protected void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception {
        GenerationOutput events = new GenerationOutput(ctx, out, storage());
        GenerateJob parameters = GenerateJob.fromParameters(request.parameters());
        SpeechEngines.Route route = engines.route(parameters.voiceId());
        SynthesisRequest synthesis = new SynthesisRequest(
                parameters.text(), parameters.language(), route.engineVoiceId(), parameters.prosody());
        CacheScope scope = CacheScope.of(request);
        String cacheKey = route.streamer().cacheKey(scope, synthesis);
        String format = parameters.format().extension();
        String audioKey = scope.storageKey(cacheKey, format);
        Optional<Watermarker> mark = watermarking.forJob(request.tenantId(), request.jobId());
        // the cache holds the unmarked synthesis, shared by the jobs of its scope; each job's answer is its own
        String outputKey = mark.isPresent() ? StorageKeys.output(request.jobId(), "audio." + format) : audioKey;
        events.emit(JobEvents.progress(request, GenerateEvents.STARTED));

        Optional<String> cached = cachedResult(cacheKey, format, audioKey);
        if (cached.isPresent()) {
            hits.inc();
            VoiceEvent completed = completed(request, clock, outputKey, cached.get(), true);
            if (mark.isPresent()) {
                DecodedAudio stored = LocalCopy.of(storage(), audioKey, file -> DECODER.decode(file, 0, 1));
                Audio audio = new Audio(stored.channels()[0], stored.sampleRate());
                events.emitStored(completed, GenerateJob.AUDIO, encode(marked(audio, mark.get().stream()), parameters));
            } else {
                events.emit(completed);
            }
            return;
        }
        misses.inc();
        List<Audio> sentences = new ArrayList<>();
        List<Audio> answered = new ArrayList<>();
        Optional<Watermarker.Stream> marking = mark.map(Watermarker::stream);
        route.streamer().stream(synthesis, chunk -> {
            sentences.add(chunk.audio());
            // one marking across the sentences: streamed, they play as the whole file does
            Audio sentence = marking.map(m -> marked(chunk.audio(), m)).orElse(chunk.audio());
            answered.add(sentence);
            sentenceDone(request, chunk.index(), chunk.count(), sentence, parameters.stream(), events);
        });
        Audio all = Audio.concat(sentences, sentences.get(0).sampleRate());
        byte[] encoded = encode(all, parameters);
        String result = result(parameters, route, scope, cacheKey, all, sentences.size(), encoded.length);
        VoiceEvent completed = completed(request, clock, outputKey, result, false);
        if (mark.isPresent()) {
            storage().write(audioKey, encoded);
            events.emitStored(
                    completed, GenerateJob.AUDIO, encode(Audio.concat(answered, all.sampleRate()), parameters));
        } else {
            events.emitStored(completed, GenerateJob.AUDIO, encoded);
        }
        KNOWN.put(audioKey, result); // once stored: a hit never names an object that is not there yet
    }

    private static byte[] encode(Audio audio, GenerateJob parameters) throws IOException {
        return AudioEncoder.encode(audio.samples(), audio.sampleRate(), parameters.format());
    }

    private static Audio marked(Audio audio, Watermarker.Stream marking) {
        return new Audio(
                marking.mark(DecodedAudio.mono(audio.sampleRate(), audio.samples()))
                        .channels()[0],
                audio.sampleRate());
    }

    @Override
    protected int finalSeq() {
        return GenerateEvents.FINAL;
    }

    @Override
    protected void emitFailure(VoiceEvent failure, Context ctx, Collector<VoiceEvent> out) {
        new GenerationOutput(ctx, out, storage()).emit(failure);
    }

    private Optional<String> cachedResult(String cacheKey, String format, String audioKey) {
        Optional<String> known = KNOWN.get(audioKey);
        if (known.isPresent()) {
            return known;
        }
        Optional<String> indexed = index.find(cacheKey, format);
        indexed.ifPresent(result -> KNOWN.put(audioKey, result));
        return indexed;
    }

    /**
     * A finished sentence; with streaming, its audio goes with it: inline in the reply, or (too large for
     * that) stored as output {@code sentence-i}. Inline sentences are not stored, so storage writes do
     * not hold up the next sentence.
     */
    private void sentenceDone(
            VoiceRequest request, int index, int count, Audio audio, boolean stream, GenerationOutput events) {
        PlannedEvent step = GenerateEvents.sentenceDone(index, count);
        if (!stream) {
            events.emit(JobEvents.segment(request, step, index, Map.of()));
            return;
        }
        String name = GenerateJob.sentenceOutput(index);
        byte[] wav = WavWriter.toBytes(audio.samples(), audio.sampleRate());
        if (GenerationOutput.travelsInline(wav)) {
            events.emitInline(JobEvents.segment(request, step, index, Map.of()), name, wav);
            return;
        }
        String key = StorageKeys.output(request.jobId(), name + ".wav");
        try {
            events.emitStored(JobEvents.segment(request, step, index, Map.of(name, key)), name, wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String result(
            GenerateJob parameters,
            SpeechEngines.Route route,
            CacheScope scope,
            String cacheKey,
            Audio audio,
            int sentenceCount,
            int sizeBytes) {
        ObjectNode json = RecordCodec.mapper().createObjectNode();
        json.put("durationSec", Math.round(audio.durationSeconds() * 1000) / 1000.0);
        json.put("sampleRateHz", audio.sampleRate());
        json.put("format", parameters.format().extension());
        json.put("sizeBytes", sizeBytes);
        json.put("language", parameters.language().code());
        json.put("sentences", sentenceCount);
        json.put("engine", route.streamer().engineId());
        json.put("voiceId", parameters.voiceId());
        json.put("cacheKey", cacheKey);
        json.put("sharedCache", scope.tenantId() == null);
        json.put(
                "normalized",
                SsmlParser.isSsml(parameters.text())
                        ? null
                        : engines.normalizer()
                                .normalize(parameters.text(), parameters.language())
                                .normalized());
        return json.toString();
    }

    private static VoiceEvent completed(
            VoiceRequest request, StageClock clock, String audioKey, String result, boolean cached) {
        ObjectNode json = (ObjectNode) RecordCodec.readTree(result);
        json.put("cached", cached);
        return JobEvents.completed(
                request,
                GenerateEvents.FINAL,
                GenerateEvents.SYNTHESIZE,
                clock.lap(),
                json.toString(),
                Map.of(GenerateJob.AUDIO, audioKey),
                json.path("durationSec").asDouble());
    }
}
