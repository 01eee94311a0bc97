package dev.shabdam.pipeline.synthesis.engine;

/**
 * The espeak-ng synthesis workers of one TaskManager: the library in this process, and a pool of worker
 * processes for the callers that find it busy. libespeak-ng has one global state per process, so without
 * the pool every slot of a TaskManager would take turns on one lock. A caller alone never leaves the
 * process: in process a sentence costs no pipe, no copy and no second JVM ({@code ./shabdam bench espeak}
 * measures both).
 *
 * <p>{@code SHABDAM_ESPEAK_WORKERS} (the TaskManager's environment) is how many sentences a TaskManager
 * speaks at once: the library in process and that many minus one worker processes; 1 is the in-process
 * library alone. Unset, it is the number of processors, past which more workers only take turns on the
 * cores. It is read from the TaskManager's environment, not from the job's flags, because it is a property
 * of each TaskManager's machine, and the job's flags are the same on every TaskManager.
 */
final class EspeakWorkers implements AutoCloseable {
    static final String SIZE_VARIABLE = "SHABDAM_ESPEAK_WORKERS";

    private static EspeakWorkers shared;

    private final Espeak inProcess;
    /** Null when the setting is 1. */
    private final EspeakWorkerPool processes;

    EspeakWorkers(Espeak inProcess, int size) {
        if (size < 1) {
            throw new IllegalArgumentException(SIZE_VARIABLE + " must be 1 or more, not " + size);
        }
        this.inProcess = inProcess;
        this.processes = size == 1 ? null : new EspeakWorkerPool(size - 1);
    }

    /** This TaskManager's workers, sized by {@code SHABDAM_ESPEAK_WORKERS}. */
    static synchronized EspeakWorkers shared() {
        if (shared == null) {
            String size = System.getenv(SIZE_VARIABLE);
            shared = new EspeakWorkers(
                    Espeak.get(),
                    size == null || size.isBlank()
                            ? Runtime.getRuntime().availableProcessors()
                            : Integer.parseInt(size.trim()));
        }
        return shared;
    }

    /** Ends the shared workers' processes, if any were made. */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    int sampleRate() {
        return inProcess.sampleRate();
    }

    String version() {
        return inProcess.version();
    }

    /** The worker processes; null when there are none. */
    EspeakWorkerPool processes() {
        return processes;
    }

    /** Ends the worker processes. */
    @Override
    public void close() {
        if (processes != null) {
            processes.close();
        }
    }

    short[] synthesize(String text, Espeak.Settings settings) {
        if (processes == null) {
            return inProcess.synthesize(text, settings);
        }
        short[] pcm = inProcess.synthesizeIfFree(text, settings);
        return pcm != null ? pcm : processes.synthesize(text, settings);
    }
}
