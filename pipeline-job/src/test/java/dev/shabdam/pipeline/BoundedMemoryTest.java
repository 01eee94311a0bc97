package dev.shabdam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.dubbing.DubFixtures;
import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import dev.shabdam.pipeline.media.TestMedia;
import dev.shabdam.pipeline.synthesis.engine.EspeakRequired;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import dev.shabdam.schemas.VoiceRequest;
import dev.shabdam.testsupport.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The proof that a job's heap follows its block size, not its media's length: the real job graph
 * ({@link SmallHeapPipeline}, a MiniCluster over file:// storage) in a JVM of its own with a
 * {@value #HEAP} heap analyses a 3-hour 48 kHz stereo recording and dubs a 2-hour video with
 * subtitles and a translation, both at once. Decoded whole, the recording alone would be 4 GB of
 * floats and the film's track 2.8 GB. The forked JVM prints the heap it took.
 */
class BoundedMemoryTest {
    private static final String HEAP = "-Xmx512m";
    private static final int ANALYSED_MINUTES = 180;
    private static final int DUBBED_MINUTES = 120;
    /** One line every five minutes: enough lines to load and drop along the passes, few to speak. */
    private static final int LINE_EVERY_MINUTES = 5;

    @TempDir
    Path storageRoot;

    @Test
    void analysesThreeHoursAndDubsTwoHoursInASmallHeap() throws Exception {
        EspeakRequired.assumeInstalled("BoundedMemoryTest");
        assumeTrue(
                new File("/usr/bin/ffmpeg").canExecute() || new File("/usr/local/bin/ffmpeg").canExecute(),
                "skipped: the ffmpeg CLI makes the long fixtures");
        String recording = StorageKeys.upload(Requests.TENANT, "job-3h", "recording.mka");
        Files.createDirectories(storageRoot.resolve(recording).getParent());
        TestMedia.longMedia(storageRoot.resolve(recording), ANALYSED_MINUTES, 48_000, 2, false);
        VoiceRequest dub = new DubFixtures(storageRoot, "job-2h")
                .longVideo(DUBBED_MINUTES)
                .subtitles(srt("Good morning."))
                .translation(srt("സുപ്രഭാതം."))
                .request();
        Path requests = Files.write(
                storageRoot.resolve("requests.jsonl"),
                List.of(
                        new String(RecordCodec.encode(Requests.analyze("job-3h", recording)), StandardCharsets.UTF_8),
                        new String(RecordCodec.encode(dub), StandardCharsets.UTF_8)));
        Path eventsFile = storageRoot.resolve("events.jsonl");

        List<String> output = fork(requests, eventsFile);

        List<VoiceEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(eventsFile)) {
            events.add(RecordCodec.decodeEvent(line.getBytes(StandardCharsets.UTF_8)));
        }
        events.stream()
                .filter(event -> event.durationMs() != null)
                .forEach(
                        event -> System.out.printf("%s %s: %d ms%n", event.jobId(), event.stage(), event.durationMs()));
        Map<String, VoiceEvent> last = events.stream()
                .collect(
                        Collectors.toMap(VoiceEvent::jobId, Function.identity(), (a, b) -> a.seq() >= b.seq() ? a : b));
        VoiceEvent analysed = last.get("job-3h");
        assertThat(analysed.kind()).as("%s", analysed.error()).isEqualTo(EventKind.COMPLETED);
        JsonNode report = RecordCodec.readTree(analysed.result());
        assertThat(report.get("durationSec").asDouble()).isCloseTo(ANALYSED_MINUTES * 60.0, within(0.1));
        assertThat(report.get("channels").asInt()).isEqualTo(2);
        // what ffmpeg's ebur128 filter reads on this very file
        assertThat(report.at("/loudness/integratedLufs").asDouble()).isCloseTo(-8.1, within(0.1));
        assertThat(report.at("/loudness/truePeakDbtp").asDouble()).isCloseTo(-6.0, within(0.1));
        VoiceEvent dubbed = last.get("job-2h");
        assertThat(dubbed.kind()).as("%s", dubbed.error()).isEqualTo(EventKind.COMPLETED);
        FfmpegMediaProbe probe = new FfmpegMediaProbe();
        double input = probe.probe(storageRoot.resolve(dub.inputs().get("file")).toFile())
                .durationSec();
        double video = probe.probe(
                        storageRoot.resolve(dubbed.outputs().get("video")).toFile())
                .durationSec();
        assertThat(input).isCloseTo(DUBBED_MINUTES * 60.0, within(0.1));
        assertThat(video).isCloseTo(input, within(0.05));
        JsonNode lines = RecordCodec.mapper()
                .readTree(storageRoot.resolve(dubbed.outputs().get("report")).toFile());
        assertThat(lines.get("utterances")).hasSize(DUBBED_MINUTES / LINE_EVERY_MINUTES);
        assertThat(output).anySatisfy(line -> assertThat(line).startsWith("HEAP"));
    }

    /** Runs {@link SmallHeapPipeline} in a JVM with a {@value #HEAP} heap; answers what it printed. */
    private List<String> fork(Path requests, Path events) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = storageRoot.resolve("small-heap.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-cp",
                        classPath,
                        SmallHeapPipeline.class.getName(),
                        storageRoot.toString(),
                        requests.toString(),
                        events.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        List<String> output = Files.readAllLines(log);
        output.stream().filter(line -> line.startsWith("HEAP")).forEach(System.out::println);
        assertThat(ended && process.exitValue() == 0)
                .as(
                        "the small-heap JVM ended well; its last words: %s",
                        String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())))
                .isTrue();
        return output;
    }

    /** A cue of {@code text} every {@value #LINE_EVERY_MINUTES} minutes, two seconds long, a minute in. */
    private static String srt(String text) {
        StringBuilder srt = new StringBuilder();
        for (int k = 0; k < DUBBED_MINUTES / LINE_EVERY_MINUTES; k++) {
            int minute = 1 + k * LINE_EVERY_MINUTES;
            srt.append(k + 1)
                    .append('\n')
                    .append(String.format(
                            "%02d:%02d:00,500 --> %02d:%02d:02,500%n",
                            minute / 60, minute % 60, minute / 60, minute % 60))
                    .append(text)
                    .append("\n\n");
        }
        return srt.toString();
    }
}
