package dev.shabdam.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.local.cli.DemoRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./shabdam demo}: starts the stack, makes a sample (espeak-ng speech over an FFmpeg test video),
 * runs a real job through the HTTP API with a progress bar, writes what came back under {@code ./out/},
 * and stops the stack.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("out"));
        Path samples = Files.createDirectories(out.resolve("sample"));
        System.err.println("making the sample: espeak-ng speech + FFmpeg test video");
        Path speech = SampleMaker.speech(
                "Welcome to Shabdam. This short clip was made on this machine to show a real job, end to end.",
                "en", samples.resolve("speech.wav"));
        Path video = SampleMaker.video(speech, samples.resolve("sample.mp4"));

        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        // a demo should not collide with a stack someone already runs on the default ports
        env.putIfAbsent("SHABDAM_PORT", Integer.toString(FreePort.find()));
        env.putIfAbsent("SHABDAM_FLINK_UI_PORT", Integer.toString(FreePort.find()));
        StackSettings settings = StackSettings.fromEnvironment(env);

        long begin = System.nanoTime();
        int exit;
        try (LocalStack stack = LocalStack.start(settings)) {
            System.err.printf("stack READY at %s in %.1f s%n", stack.gatewayUrl(), (System.nanoTime() - begin) / 1e9);
            JsonNode job = new DemoRun(stack.gatewayUrl(), settings.firstApiKey(), out).analyze(video);
            exit = job.path("status").asText().equals("COMPLETED") ? 0 : 1;
        }
        System.err.println("outputs in " + out.toAbsolutePath());
        System.exit(exit);
    }
}
