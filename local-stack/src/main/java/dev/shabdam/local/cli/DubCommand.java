package dev.shabdam.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.jobs.DubJob;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code ./shabdam dub FILE [--subtitles SRT] [--translation SRT] [--voice ID] [-o DIR]}. */
final class DubCommand {
    static final String USAGE = """
            Usage: ./shabdam dub FILE [--subtitles EN.srt] [--translation ML.srt] [--voice ID] [-o DIR]
              Dubs FILE (video or audio) into Malayalam through POST /voice/dub of the stack at SHABDAM_URL,
              shows progress, and saves video.mp4, audio.wav, both SRTs and report.json under DIR (out/dub).""";

    private DubCommand() {}

    static int run(ShabdamClient client, List<String> args) throws IOException, InterruptedException {
        Path media = null;
        Path subtitles = null;
        Path translation = null;
        Path out = Path.of("out", "dub");
        String voice = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--subtitles" -> subtitles = Path.of(args.get(++i));
                case "--translation" -> translation = Path.of(args.get(++i));
                case "--voice" -> voice = args.get(++i);
                case "-o" -> out = Path.of(args.get(++i));
                default -> media = Path.of(args.get(i));
            }
        }
        if (media == null) {
            System.err.println(USAGE);
            return 2;
        }
        Map<String, Path> parts = DubJob.inputs(media, subtitles, translation);
        for (Path file : parts.values()) {
            if (!Files.isRegularFile(file)) {
                System.err.println("no such file: " + file);
                return 2;
            }
        }
        String path =
                "/voice/dub" + (voice == null ? "" : "?voiceId=" + URLEncoder.encode(voice, StandardCharsets.UTF_8));
        JsonNode job = new DemoRun(client, Files.createDirectories(out)).run(path, parts);
        return job.path("status").asText().equals("COMPLETED") ? 0 : 1;
    }
}
