package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.local.cli.DemoRun;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./shabdam demo}: starts the stack, makes a sample (English lines from espeak-ng over a background
 * tone and an FFmpeg test video, with English subtitles and their Malayalam translation), dubs it into
 * Malayalam through the HTTP API with a progress bar, writes what came back under {@code ./out/}
 * (video.mp4, audio.wav, both SRTs, report.json), and stops the stack.
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("out"));
        Path samples = Files.createDirectories(out.resolve("sample"));
        System.err.println("making the sample: espeak-ng English lines over a tone + FFmpeg test video + subtitles");
        DubSample sample = DubSample.make(samples, DubSample.LINES.size());

        // a demo should not collide with a stack someone already runs on the default ports
        StackSettings settings = StackSettings.builder()
                .gatewayPort(FreePort.find())
                .flinkUiPort(FreePort.find())
                .environment(System.getenv())
                .build();

        long begin = System.nanoTime();
        int exit;
        try (LocalStack stack = LocalStack.start(settings)) {
            System.err.printf("stack READY at %s in %.1f s%n", stack.gatewayUrl(), (System.nanoTime() - begin) / 1e9);
            JsonNode job = new DemoRun(stack.gatewayUrl(), settings.firstApiKey(), out)
                    .dub(sample.video(), sample.subtitles(), sample.translation());
            exit = job.path("status").asText().equals("COMPLETED") ? 0 : 1;
        }
        System.err.println("outputs in " + out.toAbsolutePath());
        System.exit(exit);
    }
}
