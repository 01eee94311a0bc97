package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.RecordCodec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./shabdam analyze FILE [--json]}, {@code ./shabdam say TEXT -o OUT} and {@code ./shabdam dub FILE …}:
 * thin clients of a running stack.
 */
public final class ShabdamCli {
    private ShabdamCli() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("say")) {
            if (arguments.contains("--help")) {
                System.out.println(SayCommand.USAGE);
                System.exit(0);
            }
            System.exit(SayCommand.run(client(), arguments.subList(1, arguments.size())));
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("dub")) {
            if (arguments.contains("--help")) {
                System.out.println(DubCommand.USAGE);
                System.exit(0);
            }
            System.exit(DubCommand.run(client(), arguments.subList(1, arguments.size())));
        }
        if (arguments.size() < 2
                || arguments.contains("--help")
                || !arguments.get(0).equals("analyze")) {
            System.out.println("""
                    Usage: ./shabdam analyze FILE [--json]
                      Uploads FILE to POST /voice/analyze of the stack at SHABDAM_URL (http://127.0.0.1:8080)
                      with SHABDAM_API_KEY, shows progress, prints the result.""");
            System.exit(arguments.contains("--help") ? 0 : 2);
        }
        Path file = Path.of(arguments.get(1));
        if (!Files.isRegularFile(file)) {
            System.err.println("no such file: " + file);
            System.exit(2);
        }
        ShabdamClient client = client();
        JsonNode job = new JobFollower(client, System.err).follow(client.submit("/voice/analyze", file));
        if (arguments.contains("--json")) {
            System.out.println(
                    RecordCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(job));
        } else {
            System.out.print(ResultTable.render(job));
        }
        System.exit(job.path("status").asText().equals("COMPLETED") ? 0 : 1);
    }

    private static ShabdamClient client() {
        String apiKey = System.getenv("SHABDAM_API_KEY");
        if (apiKey == null) {
            System.err.println("set SHABDAM_API_KEY to the key `./shabdam up` printed");
            System.exit(2);
        }
        return new ShabdamClient(System.getenv().getOrDefault("SHABDAM_URL", "http://127.0.0.1:8080"), apiKey);
    }
}
