package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.pipeline.jobs.JobDeadline;
import dev.shabdam.speech.SynthesisException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to {@code size} espeak-ng worker processes, started when first needed and each used by one caller
 * at a time. A worker that dies under a request is replaced and the request tried once more on the new
 * one (a crash of espeak-ng is not the request's fault until it happens twice); a worker still busy at
 * the caller's {@link JobDeadline} is killed and replaced, and the request fails: it is the record, not
 * the worker, that has run out of time.
 */
final class EspeakWorkerPool implements AutoCloseable {
    private final int size;
    private final ArrayDeque<EspeakWorkerProcess> idle = new ArrayDeque<>();
    private final List<EspeakWorkerProcess> all = new ArrayList<>();
    /** Workers started or starting. */
    private int running;

    private boolean closed;

    EspeakWorkerPool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool of " + size + " workers");
        }
        this.size = size;
    }

    int size() {
        return size;
    }

    /** Speaks on a free worker, waiting for one while all are busy. */
    short[] synthesize(String text, Espeak.Settings settings) {
        for (int attempt = 1; ; attempt++) {
            EspeakWorkerProcess worker = take();
            try {
                short[] pcm = worker.synthesize(
                        text, settings, JobDeadline.remaining().orElse(null));
                release(worker);
                return pcm;
            } catch (SynthesisException refused) {
                release(worker); // the worker is fine; the request was not (an unknown voice)
                throw refused;
            } catch (EspeakWorkerProcess.WorkerLostException lost) {
                forget(worker);
                if (lost.killedAtDeadline()) {
                    throw new SynthesisException(
                            SynthesisException.Code.ENGINE_FAILED,
                            "the espeak-ng worker was still speaking at the job's deadline and was killed");
                }
                if (attempt == 2) {
                    throw new SynthesisException(
                            SynthesisException.Code.ENGINE_FAILED,
                            "espeak-ng died twice on this text (" + lost.getCause() + ")");
                }
            }
        }
    }

    /** The process ids of the workers running now (tests kill them). */
    synchronized List<Long> pids() {
        return all.stream().map(EspeakWorkerProcess::pid).toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        all.forEach(EspeakWorkerProcess::stop);
        all.clear();
        idle.clear();
    }

    /** A free worker; else a new one while fewer than {@code size} run; else waits for one. */
    private EspeakWorkerProcess take() {
        synchronized (this) {
            while (idle.isEmpty() && running >= size && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SynthesisException(
                            SynthesisException.Code.ENGINE_FAILED, "interrupted while waiting for an espeak-ng worker");
                }
            }
            if (closed) {
                throw new SynthesisException(
                        SynthesisException.Code.ENGINE_UNAVAILABLE, "the espeak-ng pool is closed");
            }
            if (!idle.isEmpty()) {
                return idle.pop();
            }
            running++; // reserved; the JVM starts outside the lock, while others hand workers back
        }
        try {
            EspeakWorkerProcess started = EspeakWorkerProcess.start();
            synchronized (this) {
                all.add(started);
            }
            return started;
        } catch (RuntimeException e) {
            synchronized (this) {
                running--;
                notifyAll();
            }
            throw e;
        }
    }

    private synchronized void release(EspeakWorkerProcess worker) {
        if (closed) {
            worker.stop();
        } else {
            idle.push(worker); // the most recently used first: the others may stay unstarted
            notifyAll();
        }
    }

    /** A dead worker leaves the pool; the next {@link #take} starts another in its place. */
    private synchronized void forget(EspeakWorkerProcess worker) {
        worker.stop();
        all.remove(worker);
        running--;
        notifyAll();
    }
}
