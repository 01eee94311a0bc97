package dev.shabdam.pipeline.dubbing;

import dev.shabdam.speech.subtitles.SrtWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.dubbing.Alignment.Aligned;
import dev.shabdam.pipeline.dubbing.Alignment.Strategy;
import dev.shabdam.pipeline.io.LocalCopy;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.Muxer;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.synthesis.audio.Audio;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Puts a job's dubbed lines together: mixes them onto the original audio ({@link DubMixer}: music and
 * ambience kept, original speech ducked, the source's loudness), muxes the mix beside the untouched
 * video (checking that the result lasts as long as the upload), and writes the outputs under deterministic keys — {@code video} (when the upload has video),
 * {@code audio} (WAV), {@code subtitles-source}, {@code subtitles-target} (SRT) and {@code report}.
 */
public final class DubAssembler {
    public static final String VIDEO = "video";
    public static final String AUDIO = "audio";
    public static final String SUBTITLES_SOURCE = "subtitles-source";
    public static final String SUBTITLES_TARGET = "subtitles-target";
    public static final String REPORT = "report";

    /** How far the dubbed video's duration may be from the upload's: about one AAC frame at 22 kHz. */
    static final long DURATION_TOLERANCE_MS = 50;

    private final ObjectStorage storage;
    private final DubMixer mixer;
    private final MediaProbe probe;
    private final AudioDecoder decoder = new AudioDecoder();

    public DubAssembler(ObjectStorage storage, DubMixer mixer, MediaProbe probe) {
        this.storage = storage;
        this.mixer = mixer;
        this.probe = probe;
    }

    /** The COMPLETED event's result and outputs. */
    public record Assembled(String resultJson, Map<String, String> outputs, double mediaSeconds) {
    }

    /** @param lines every line of the job, in index order, all {@link DubbedUtterance.Outcome#DUBBED} */
    public Assembled assemble(DubPlan plan, List<DubbedUtterance> lines) throws Exception {
        List<Aligned> dub = new ArrayList<>(lines.size());
        for (DubbedUtterance line : lines) {
            DecodedAudio audio = LocalCopy.of(storage, line.audioKey(), decoder::decode);
            dub.add(new Aligned(new Audio(audio.channels()[0], audio.sampleRate()), line.startMs(), line.endMs(),
                    line.rate(), line.strategy()));
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        LocalCopy.of(storage, plan.mediaKey(), media -> {
            DecodedAudio original = decoder.decode(media);
            DecodedAudio mixed = mixer.mix(plan.keepBackground() ? original : silenceLike(original), dub);
            outputs.put(AUDIO, stored(plan.jobId(), "audio.wav",
                    wav -> WavWriter.write(wav, mixed, WavWriter.Encoding.PCM_16)));
            if (plan.hasVideo()) {
                outputs.put(VIDEO, stored(plan.jobId(), "video.mp4", video -> {
                    Muxer.mux(media.toPath(), mixed.channels(), mixed.sampleRate(), video, plan.keepOriginalTrack());
                    requireSameDuration(plan, probe.probe(video.toFile()));
                }));
            }
            return null;
        });
        outputs.put(SUBTITLES_SOURCE, writeText(plan.jobId(), "subtitles-source.srt",
                SrtWriter.write(lines.stream().map(DubbedUtterance::sourceCue).toList())));
        outputs.put(SUBTITLES_TARGET, writeText(plan.jobId(), "subtitles-target.srt",
                SrtWriter.write(lines.stream().map(DubbedUtterance::targetCue).toList())));
        outputs.put(REPORT, writeText(plan.jobId(), "report.json",
                new DubReport(lines.stream().map(DubReport.Line::of).toList()).toJson()));
        return new Assembled(result(plan, lines), outputs, plan.durationMs() / 1000.0);
    }

    /** What makes an output in a local file: FFmpeg and the WAV writer write files, not streams. */
    @FunctionalInterface
    private interface LocalOutput {
        void writeTo(Path file) throws Exception;
    }

    /** Makes the output {@code name} of the job in a temporary file and stores it; answers its key. */
    private String stored(String jobId, String name, LocalOutput output) throws Exception {
        Path file = Files.createTempFile("shabdam-dub-", name.substring(name.lastIndexOf('.')));
        try {
            output.writeTo(file);
            String key = StorageKeys.output(jobId, name);
            storage.upload(file, key);
            return key;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A dub must not shift the picture: checked on the muxed file itself before it becomes an output. */
    private static void requireSameDuration(DubPlan plan, ProbeResult muxed) {
        long muxedMs = muxed.durationSec() == null ? -1 : Math.round(muxed.durationSec() * 1000);
        if (Math.abs(muxedMs - plan.durationMs()) > DURATION_TOLERANCE_MS) {
            throw new IllegalStateException("the muxed video lasts " + muxedMs + " ms, the upload " + plan.durationMs());
        }
    }

    private String writeText(String jobId, String name, String text) throws IOException {
        String key = StorageKeys.output(jobId, name);
        storage.write(key, text.getBytes(StandardCharsets.UTF_8));
        return key;
    }

    private static DecodedAudio silenceLike(DecodedAudio original) {
        return new DecodedAudio(original.sampleRate(), new float[original.channelCount()][original.frames()]);
    }

    /** The numbers a client shows: how much had to be bent to fit, and by how much at most. */
    private static String result(DubPlan plan, List<DubbedUtterance> lines) {
        ObjectNode json = RecordCodec.mapper().createObjectNode();
        json.put("durationSec", plan.durationMs() / 1000.0);
        json.put("sourceLanguage", plan.sourceLanguage());
        json.put("targetLanguage", plan.targetLanguage());
        json.put("utterances", lines.size());
        json.put("video", plan.hasVideo());
        json.put("keepBackground", plan.keepBackground());
        Map<Strategy, Integer> strategies = new LinkedHashMap<>();
        lines.forEach(line -> strategies.merge(line.strategy(), 1, Integer::sum));
        json.set("strategies", RecordCodec.mapper().valueToTree(strategies));
        json.put("maxRate", Math.round(lines.stream().mapToDouble(DubbedUtterance::rate).max().orElse(1) * 1000) / 1000.0);
        json.set("engines", RecordCodec.mapper().valueToTree(new TreeSet<>(lines.stream().map(DubbedUtterance::engine).toList())));
        return json.toString();
    }
}
