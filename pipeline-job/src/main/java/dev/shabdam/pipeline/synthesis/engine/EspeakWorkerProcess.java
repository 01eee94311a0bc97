package dev.shabdam.pipeline.synthesis.engine;

import com.sun.jna.Native;
import dev.shabdam.speech.SynthesisException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One espeak-ng worker process ({@link EspeakWorkerMain}), started with this JVM's {@code java} and the
 * classpath this class was loaded from: on a TaskManager that is the job jar (in Flink's blob cache),
 * which carries JNA, so the worker needs nothing the TaskManager's {@code lib/} lacks. Used by one
 * caller at a time ({@link EspeakWorkerPool} hands it out).
 */
final class EspeakWorkerProcess {
    /** Kills workers that run past their caller's deadline; daemon, so it never keeps a JVM alive. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "espeak-worker-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream answers;
    private final int sampleRate;

    private EspeakWorkerProcess(Process process) throws IOException {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.sampleRate = EspeakWorkerProtocol.readHello(answers);
    }

    /** Starts a worker and waits for its greeting (the library loaded). */
    static EspeakWorkerProcess start() {
        Process process = null;
        try {
            process = new ProcessBuilder(command())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new EspeakWorkerProcess(process);
        } catch (IOException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            throw new SynthesisException(
                    SynthesisException.Code.ENGINE_UNAVAILABLE, "could not start an espeak-ng worker process: " + e);
        }
    }

    /**
     * Speaks one request; a worker still running at {@code limit} is killed.
     *
     * @param limit how long the caller may wait; null: as long as it takes
     * @throws WorkerLostException the process died (or was killed) before answering
     */
    short[] synthesize(String text, Espeak.Settings settings, Duration limit) {
        AtomicBoolean killed = new AtomicBoolean();
        ScheduledFuture<?> alarm = limit == null
                ? null
                : WATCHDOG.schedule(
                        () -> {
                            killed.set(true);
                            process.destroyForcibly();
                        },
                        Math.max(0, limit.toNanos()),
                        TimeUnit.NANOSECONDS);
        try {
            EspeakWorkerProtocol.writeRequest(requests, text, settings);
            return EspeakWorkerProtocol.readAnswer(answers);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new WorkerLostException(killed.get(), e);
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    int sampleRate() {
        return sampleRate;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Closes its stdin, which ends the worker, and makes sure it is gone. */
    void stop() {
        try {
            requests.close();
        } catch (IOException alreadyGone) {
            // the process is dead already; destroying it below is all that is left
        }
        process.destroyForcibly();
    }

    /** The worker's command: this JVM's java, small heap (the PCM of one sentence), fast start. */
    private static List<String> command() {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(),
                EspeakWorkerMain.class.getName());
    }

    /** Where this class and JNA were loaded from (one job jar on a cluster, folders and jars in a build). */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(EspeakWorkerMain.class, Native.class, SynthesisException.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (URISyntaxException e) {
                throw new SynthesisException(
                        SynthesisException.Code.ENGINE_UNAVAILABLE, "cannot tell where " + type.getName() + " is");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The worker died under a request: killed at its deadline, or crashed. */
    static final class WorkerLostException extends RuntimeException {
        private final boolean killedAtDeadline;

        WorkerLostException(boolean killedAtDeadline, IOException cause) {
            super(cause);
            this.killedAtDeadline = killedAtDeadline;
        }

        boolean killedAtDeadline() {
            return killedAtDeadline;
        }
    }
}
