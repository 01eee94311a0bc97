package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shabdam.schemas.RecordCodec;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** {@code ./shabdam say TEXT -o OUT [--voice V] [--emotion E] [--speed S] [--pitch P] [--language ml|en]}. */
final class SayCommand {
    static final String USAGE = """
            Usage: ./shabdam say TEXT -o OUT.wav [--language ml|en] [--voice ID] [--emotion E] [--speed S] [--pitch P]
              Speaks TEXT (Malayalam by default) through POST /voice/generate of the stack at SHABDAM_URL;
              the format follows OUT's extension (wav, mp3, ogg).""";

    private SayCommand() {}

    static int run(ShabdamClient client, List<String> args) throws IOException, InterruptedException {
        ObjectNode body = RecordCodec.mapper().createObjectNode();
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-o" -> out = Path.of(args.get(++i));
                case "--voice" -> body.put("voiceId", args.get(++i));
                case "--emotion" -> body.put("emotion", args.get(++i));
                case "--language" -> body.put("language", args.get(++i));
                case "--speed" -> body.put("speed", Double.parseDouble(args.get(++i)));
                case "--pitch" -> body.put("pitch", Double.parseDouble(args.get(++i)));
                default -> body.put("text", body.has("text") ? body.get("text").asText() + " " + arg : arg);
            }
        }
        if (out == null || !body.has("text")) {
            System.err.println(USAGE);
            return 2;
        }
        String name = out.getFileName().toString();
        body.put("format", name.substring(name.lastIndexOf('.') + 1));

        long begin = System.nanoTime();
        HttpResponse<InputStream> response = client.generate("/voice/generate?wait=30", body);
        try (InputStream audio = response.body()) {
            if (response.statusCode() != 200) {
                System.err.println("HTTP " + response.statusCode() + ": " + new String(audio.readAllBytes()));
                return 1;
            }
            Files.copy(audio, out, StandardCopyOption.REPLACE_EXISTING);
        }
        System.err.printf(
                "%s: %s s of audio, cache %s, %.0f ms%n",
                out,
                response.headers().firstValue("X-Audio-Duration").orElse("?"),
                response.headers().firstValue("X-Cache").orElse("?"),
                (System.nanoTime() - begin) / 1e6);
        return 0;
    }
}
