package dev.shabdam.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Native tools the benchmarks and tests compare against or make inputs with, when installed. */
public enum CommandLineTool {
    FFMPEG("ffmpeg"),
    ESPEAK("espeak-ng");

    private static final long TIMEOUT_SEC = 300;
    private final String command;

    CommandLineTool(String command) {
        this.command = command;
    }

    public boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Runs the tool and returns stdout and stderr together; a non-zero exit is an IOException. */
    public String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(args));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SEC, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish in " + TIMEOUT_SEC + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " exited with " + process.exitValue() + ": " + output);
        }
        return output;
    }
}
