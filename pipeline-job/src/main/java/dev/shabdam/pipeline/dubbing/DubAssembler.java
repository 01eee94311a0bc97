package dev.shabdam.pipeline.dubbing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.pipeline.io.LocalCopy;
import dev.shabdam.pipeline.io.ObjectStorage;
import dev.shabdam.pipeline.jobs.JobDeadline.JobTimeoutException;
import dev.shabdam.pipeline.jobs.JobLimits;
import dev.shabdam.pipeline.media.AudioBlocks;
import dev.shabdam.pipeline.media.AudioDecoder;
import dev.shabdam.pipeline.media.AudioSink;
import dev.shabdam.pipeline.media.DecodedAudio;
import dev.shabdam.pipeline.media.MediaDecodeException;
import dev.shabdam.pipeline.media.MediaProbe;
import dev.shabdam.pipeline.media.Muxer;
import dev.shabdam.pipeline.media.ProbeResult;
import dev.shabdam.pipeline.media.WavWriter;
import dev.shabdam.pipeline.watermark.WatermarkSettings;
import dev.shabdam.pipeline.watermark.WatermarkedSink;
import dev.shabdam.pipeline.watermark.Watermarker;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.speech.subtitles.SrtWriter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Puts a job's dubbed lines together: mixes them onto the original audio ({@link DubMixer}: music and
 * ambience kept, original speech ducked, the source's loudness), marks it with the job's watermark
 * ({@link Watermarker}, unless the tenant is configured without), muxes the mix beside the untouched
 * video (checking that the result lasts as long as the upload), and writes the outputs under deterministic keys — {@code video} (when the upload has video),
 * {@code audio} (WAV), {@code subtitles-source}, {@code subtitles-target} (SRT) and {@code report}.
 *
 * <p>Storage to storage in bounded memory: the lines are fetched once into a temporary folder and
 * each is loaded only while the mix passes over it; the original is decoded block by block, once per
 * pass of the mixer; each block of the mix goes straight into the WAV file and into the AAC encoder
 * of the mux.
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
    private final AudioDecoder decoder;
    private final WatermarkSettings watermarking;

    /**
     * @param limits the longest original the decoder reads (the probe's duration may have lied)
     * @param watermarking the mark the mixed track gets before it is written and muxed
     */
    public DubAssembler(
            ObjectStorage storage, DubMixer mixer, MediaProbe probe, JobLimits limits, WatermarkSettings watermarking) {
        this.storage = storage;
        this.mixer = mixer;
        this.probe = probe;
        this.decoder = new AudioDecoder(limits.maxMediaSeconds());
        this.watermarking = watermarking;
    }

    /** The COMPLETED event's result and outputs. */
    public record Assembled(String resultJson, Map<String, String> outputs, double mediaSeconds) {}

    /** @param lines every line of the job, in index order, all {@link DubbedLine.Outcome#DUBBED} */
    public Assembled assemble(DubPlan plan, List<DubbedLine> lines) throws Exception {
        Map<String, String> outputs = new LinkedHashMap<>();
        Path folder = Files.createTempDirectory("shabdam-dub-lines-");
        try {
            List<DubMixer.Line> placed = fetched(lines, folder);
            LocalCopy.of(storage, plan.mediaKey(), media -> {
                mixAndMux(plan, media, placed, outputs);
                return null;
            });
        } finally {
            deleteFolder(folder);
        }
        outputs.put(
                SUBTITLES_SOURCE,
                writeText(
                        plan.jobId(),
                        "subtitles-source.srt",
                        SrtWriter.write(
                                lines.stream().map(DubbedLine::sourceCue).toList())));
        outputs.put(
                SUBTITLES_TARGET,
                writeText(
                        plan.jobId(),
                        "subtitles-target.srt",
                        SrtWriter.write(
                                lines.stream().map(DubbedLine::targetCue).toList())));
        outputs.put(
                REPORT,
                writeText(
                        plan.jobId(),
                        "report.json",
                        new DubReport(lines.stream().map(DubReport.Line::of).toList()).toJson()));
        return new Assembled(result(plan, lines), outputs, plan.durationMs() / 1000.0);
    }

    /** Each line's audio fetched into {@code folder}, and read once for its length; the mixer loads it again when it gets there. */
    private List<DubMixer.Line> fetched(List<DubbedLine> lines, Path folder) throws Exception {
        List<DubMixer.Line> placed = new ArrayList<>(lines.size());
        for (DubbedLine line : lines) {
            File local = folder.resolve(line.index() + ".wav").toFile();
            storage.download(line.audioKey(), local.toPath());
            DecodedAudio audio = decoder.decode(local);
            placed.add(new DubMixer.Line(
                    line.startMs(),
                    audio.frames(),
                    audio.sampleRate(),
                    () -> decoder.decode(local).channels()[0]));
        }
        return placed;
    }

    /** The mix goes to the WAV output and, for a video, to the mux's dub track in the same pass. */
    private void mixAndMux(DubPlan plan, File media, List<DubMixer.Line> placed, Map<String, String> outputs)
            throws Exception {
        AudioBlocks.Source original =
                plan.keepBackground() ? () -> decoder.open(media) : () -> silenced(decoder.open(media));
        Optional<Watermarker> mark = watermarking.forJob(plan.request().tenantId(), plan.jobId());
        try (Muxer muxer = plan.hasVideo() ? Muxer.open(media.toPath(), plan.keepOriginalTrack()) : null) {
            outputs.put(
                    AUDIO,
                    stored(
                            plan.jobId(),
                            "audio.wav",
                            wav -> mixer.mix(original, placed, (rate, channels, frames) -> {
                                AudioSink file = WavWriter.open(wav, rate, channels, WavWriter.Encoding.PCM_16, frames);
                                AudioSink mixed =
                                        muxer == null ? file : both(file, () -> muxer.dubTrack(rate, channels));
                                // marked per job, after the limiter: the mark is 45 dB under the mix
                                return mark.<AudioSink>map(m -> new WatermarkedSink(m, mixed))
                                        .orElse(mixed);
                            })));
            if (muxer != null) {
                outputs.put(VIDEO, stored(plan.jobId(), "video.mp4", video -> {
                    muxer.write(video);
                    requireSameDuration(plan, probe.probe(video.toFile()));
                }));
            }
        }
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
            throw new IllegalStateException(
                    "the muxed video lasts " + muxedMs + " ms, the upload " + plan.durationMs());
        }
    }

    private String writeText(String jobId, String name, String text) throws IOException {
        String key = StorageKeys.output(jobId, name);
        storage.write(key, text.getBytes(StandardCharsets.UTF_8));
        return key;
    }

    /** The original's layout and length with its sound replaced by silence: the background of a dub that keeps none. */
    private static AudioBlocks silenced(AudioBlocks original) {
        return new AudioBlocks() {
            @Override
            public int sampleRate() {
                return original.sampleRate();
            }

            @Override
            public int channelCount() {
                return original.channelCount();
            }

            @Override
            public DecodedAudio next() throws MediaDecodeException, JobTimeoutException {
                DecodedAudio block = original.next();
                return block == null
                        ? null
                        : DecodedAudio.silence(block.sampleRate(), block.channelCount(), block.frames());
            }

            @Override
            public void close() {
                original.close();
            }
        };
    }

    /** A sink opened second; should opening it fail, the first is closed before the failure is thrown on. */
    @FunctionalInterface
    private interface SecondSink {
        AudioSink open() throws IOException;
    }

    /** Writes every block to both sinks, finishes and closes both. */
    private static AudioSink both(AudioSink first, SecondSink opening) throws IOException {
        AudioSink second;
        try {
            second = opening.open();
        } catch (IOException | RuntimeException e) {
            try (first) {
                throw e;
            }
        }
        return new AudioSink() {
            @Override
            public void write(DecodedAudio block) throws IOException {
                first.write(block);
                second.write(block);
            }

            @Override
            public void finish() throws IOException {
                first.finish();
                second.finish();
            }

            @Override
            public void close() throws IOException {
                try (second) {
                    first.close();
                }
            }
        };
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** The numbers a client shows: how much had to be bent to fit, and by how much at most. */
    private static String result(DubPlan plan, List<DubbedLine> lines) {
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
        json.put(
                "maxRate",
                Math.round(lines.stream().mapToDouble(DubbedLine::rate).max().orElse(1) * 1000) / 1000.0);
        json.set(
                "engines",
                RecordCodec.mapper()
                        .valueToTree(new TreeSet<>(
                                lines.stream().map(DubbedLine::engine).toList())));
        return json.toString();
    }
}
