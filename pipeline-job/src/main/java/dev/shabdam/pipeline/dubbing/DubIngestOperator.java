package dev.shabdam.pipeline.dubbing;

import dev.shabdam.pipeline.dubbing.translation.TranslationException;
import dev.shabdam.pipeline.dubbing.translation.Translator;
import dev.shabdam.pipeline.dubbing.translation.TranslatorSettings;
import dev.shabdam.pipeline.io.LocalCopy;
import dev.shabdam.pipeline.io.MissingObjectException;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobEvents;
import dev.shabdam.pipeline.jobs.JobFailedException;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.jobs.MediaJobOperator;
import dev.shabdam.pipeline.jobs.Quarantine;
import dev.shabdam.pipeline.jobs.StageClock;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.MediaTooLongException;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.media.SpeechTrackExtractor;
import dev.shabdam.pipeline.synthesis.SpeechEngines;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.schemas.jobs.DubEvents;
import dev.shabdam.schemas.jobs.DubJob;
import dev.shabdam.speech.subtitles.Cue;
import dev.shabdam.speech.subtitles.SubtitleFormatException;
import dev.shabdam.speech.subtitles.SubtitleParser;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * The first operator of a DUB job, keyed by job: checks the request, probes the upload, and writes
 * the script — which lines to dub, when, and what to say. The lines go on to synthesis on
 * {@link #LINES}, one record each; the {@link DubPlan} goes to assembly on {@link #PLANS}, so that
 * it knows how many lines to wait for. Its own events (ingest's of {@link DubEvents}) go to the main output.
 *
 * <p>Media longer than the job limit is refused from the probe, before anything is decoded
 * ({@code media_too_long}). The lines come from the subtitles when given, else from what
 * {@link SpeechTranscription} hears, with the given translation or a machine translation of them
 * (the configured {@link Translator}); from the translation alone when only it is given. Source language {@code auto} is passed to the translator, which detects it.
 */
public class DubIngestOperator extends MediaJobOperator {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<LineTask> LINES = new OutputTag<>("dub-lines", TypeInformation.of(LineTask.class));
    public static final OutputTag<DubPlan> PLANS = new OutputTag<>("dub-plans", TypeInformation.of(DubPlan.class));
    /** Where models/manifest.json puts the Wav2Lip model, under the models folder. */
    static final String LIP_SYNC_MODEL = "wav2lip/wav2lip.onnx";

    private final MediaProbe probe;
    private final String modelsDir;
    private final TranslatorSettings translation;
    private final JobLimits limits;
    private transient Translator translator;
    private transient SpeechTranscription transcription;

    /**
     * @param translation the machine translation for jobs that upload none; null where there is none
     * @param limits the longest media a dub accepts ({@code media_too_long} beyond it)
     */
    public DubIngestOperator(
            ObjectStorage storage,
            MediaProbe probe,
            String modelsDir,
            TranslatorSettings translation,
            JobLimits limits,
            Quarantine quarantine) {
        super(storage, quarantine);
        this.probe = probe;
        this.modelsDir = modelsDir;
        this.translation = translation;
        this.limits = limits;
    }

    @Override
    public void open(OpenContext openContext) {
        translator = translation == null ? null : translation.create();
        transcription = new SpeechTranscription(Path.of(modelsDir));
    }

    @Override
    public void close() throws Exception {
        if (translator != null) {
            translator.close();
        }
        transcription.close();
        super.close();
    }

    /** The upload as probed, and the cues heard in it or given with it. */
    private record Heard(ProbeResult media, List<Cue> source) {}

    @Override
    protected void run(VoiceRequest request, Context ctx, Collector<VoiceEvent> out, StageClock clock)
            throws Exception {
        DubJob parameters = DubJob.fromParameters(request.parameters());
        if (parameters.lipSync()) {
            throw lipSyncUnavailable();
        }
        // an unknown voice fails the job now, not after the whole upload was read
        SpeechEngines.Route voice = SpeechEngines.shared(Path.of(modelsDir)).route(parameters.voiceId());
        voice.streamer().requireVoice(voice.engineVoiceId());
        String mediaKey = requireInput(request, DubJob.MEDIA);
        List<Cue> given = cues(request, DubJob.SUBTITLES);
        List<Cue> target = cues(request, DubJob.TRANSLATION);
        boolean hear = given == null && target == null;
        if (hear) {
            transcription.requireModels();
        }
        out.collect(JobEvents.progress(request, DubEvents.INGEST_STARTED));
        Heard heard = LocalCopy.of(storage(), mediaKey, file -> {
            ProbeResult media = probe.probe(file);
            if (media.durationSec() == null || media.streams().stream().noneMatch(s -> "audio".equals(s.type()))) {
                throw new JobFailedException("unsupported_media", "the upload has no audio track to dub");
            }
            MediaTooLongException.requireWithin(media.durationSec(), limits.maxMediaSeconds());
            out.collect(JobEvents.stageDone(request, DubEvents.INGEST_DONE, clock.lap()));
            if (!hear) {
                return new Heard(media, given);
            }
            List<Cue> transcribed;
            try (AudioBlocks speech =
                    new SpeechTrackExtractor(new AudioDecoder(limits.maxMediaSeconds())).speech(file)) {
                transcribed = transcription.transcribe(speech, parameters.sourceLanguage());
            }
            out.collect(JobEvents.stageDone(request, DubEvents.TRANSCRIBED, clock.lap()));
            return new Heard(media, transcribed);
        });
        ProbeResult media = heard.media();
        long durationMs = Math.round(media.durationSec() * 1000);

        List<LineTask> lines = script(request, parameters, heard.source(), target, durationMs);
        out.collect(JobEvents.stageDone(request, DubEvents.SCRIPTED, clock.lap()));
        boolean hasVideo = media.streams().stream().anyMatch(s -> "video".equals(s.type()));
        ctx.output(
                PLANS,
                DubPlan.builder()
                        .withRequest(request)
                        .withLineCount(lines.size())
                        .withMediaKey(mediaKey)
                        .withVideo(hasVideo)
                        .withDurationMs(durationMs)
                        .withKeepBackground(parameters.keepBackground())
                        .withKeepOriginalTrack(parameters.keepOriginalTrack())
                        .withSourceLanguage(parameters.sourceLanguage())
                        .withTargetLanguage(parameters.targetLanguage())
                        .withPlannedAtMs(System.currentTimeMillis())
                        .build());
        lines.forEach(line -> ctx.output(LINES, line));
    }

    @Override
    protected int finalSeq() {
        return DubEvents.FINAL;
    }

    private List<LineTask> script(
            VoiceRequest request, DubJob parameters, List<Cue> source, List<Cue> target, long durationMs)
            throws JobFailedException, TranslationException {
        if (source != null && source.isEmpty()) {
            throw new JobFailedException("no_speech", "no speech was heard in the upload: there is nothing to dub");
        }
        List<Cue> timed = source != null ? source : target;
        List<String> sourceTexts = source != null ? texts(source) : Collections.nCopies(target.size(), null);
        List<String> targetTexts;
        if (target == null) {
            if (translator == null) {
                throw new JobFailedException(
                        "translation_unavailable",
                        "no `translation` was uploaded and no machine "
                                + "translation is configured (SHABDAM_TRANSLATE_ENGINE, SHABDAM_TRANSLATE_URL)");
            }
            // the whole job in one call: the engine sees every cue's neighbours, batching is its business
            targetTexts = translator.translate(sourceTexts, parameters.sourceLanguage(), parameters.targetLanguage());
        } else if (source != null && target.size() != source.size()) {
            throw new JobFailedException(
                    "invalid_subtitles",
                    "the translation has " + target.size() + " cues and the subtitles " + source.size()
                            + ": they must match cue for cue");
        } else {
            targetTexts = texts(target);
        }
        return DubScript.lines(
                request.jobId(),
                timed,
                sourceTexts,
                targetTexts,
                durationMs,
                parameters.targetLanguage(),
                parameters.voiceId());
    }

    private List<Cue> cues(VoiceRequest request, String input) throws Exception {
        String key = request.inputs().get(input);
        if (key == null) {
            return null;
        }
        byte[] bytes = storage().readIfPresent(key).orElseThrow(() -> new MissingObjectException(key));
        try {
            return SubtitleParser.parse(bytes);
        } catch (SubtitleFormatException e) {
            throw new JobFailedException("invalid_subtitles", input + ": " + e.getMessage());
        }
    }

    private static List<String> texts(List<Cue> cues) {
        return cues.stream().map(Cue::text).toList();
    }

    private JobFailedException lipSyncUnavailable() {
        Path model = Path.of(modelsDir).resolve(LIP_SYNC_MODEL);
        return Files.isRegularFile(model)
                ? new JobFailedException("not_implemented", "lip-sync is not built yet; dub with lipSync=false")
                : new JobFailedException(
                        "model_missing",
                        "lipSync=true needs the Wav2Lip model " + model.toAbsolutePath()
                                + ", which is not installed (models/manifest.json, entry wav2lip: it cannot be fetched from "
                                + "every machine); dub with lipSync=false");
    }
}
