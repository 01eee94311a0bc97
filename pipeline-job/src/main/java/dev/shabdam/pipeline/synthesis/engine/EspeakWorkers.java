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

    /** The library loaded here: its sample rate and version are the workers' too. */
    private final Espeak library;
    /** Null when every sentence goes to a worker process. */
    private final Espeak inProcess;
    /** Null when the setting is 1. */
    private final EspeakWorkerPool processes;

    /**
     * @param size          sentences spoken at once
     * @param processesOnly every sentence on a worker process, none in process ({@code ./shabdam bench espeak}
     *                      compares the two paths with it)
     */
    EspeakWorkers(Espeak library, int size, boolean processesOnly) {
        if (size < 1) {
            throw new IllegalArgumentException(SIZE_VARIABLE + " must be 1 or more, not " + size);
        }
        this.library = library;
        this.inProcess = processesOnly ? null : library;
        int processCount = processesOnly ? size : size - 1;
        this.processes = processCount == 0 ? null : new EspeakWorkerPool(processCount);
    }

    /** This TaskManager's workers, sized by {@code SHABDAM_ESPEAK_WORKERS}. */
    static synchronized EspeakWorkers shared() {
        if (shared == null) {
            String size = System.getenv(SIZE_VARIABLE);
            shared = new EspeakWorkers(
                    Espeak.get(),
                    size == null || size.isBlank()
                            ? Runtime.getRuntime().availableProcessors()
                            : Integer.parseInt(size.trim()),
                    false);
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
        return library.sampleRate();
    }

    String version() {
        return library.version();
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
        if (inProcess == null) {
            return processes.synthesize(text, settings);
        }
        short[] pcm = inProcess.synthesizeIfFree(text, settings);
        return pcm != null ? pcm : processes.synthesize(text, settings);
    }
}
