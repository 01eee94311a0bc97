package dev.shabdam.pipeline.synthesis.engine;

import dev.shabdam.pipeline.jobs.JobDeadline;
import dev.shabdam.speech.SynthesisException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The espeak-ng worker processes, on the real library. espeak-ng carries state from one call to the next
 * (see {@link Espeak}), but a fresh process's first sentence is always the same bytes: that is what the
 * comparisons rest on.
 */
class EspeakWorkerPoolTest {
    private static final Espeak.Settings ML = new Espeak.Settings("ml", 175, 50, 50, 100);
    private static final List<String> SENTENCES = List.of(
            "ഇന്ന് നല്ല കാലാവസ്ഥയാണ്.",
            "കേരളത്തിലെ ഏറ്റവും നീളമുള്ള നദി പെരിയാറാണ്.",
            "ഈ പുസ്തകത്തിന്റെ വില അഞ്ഞൂറ് രൂപയാണ്.",
            "ഡോക്ടർ രാമൻ ആശുപത്രിയിൽ എത്തി.");

    @BeforeAll
    static void espeakInstalled() {
        EspeakRequired.assumeInstalled("espeak-ng worker pool tests");
    }

    @Test
    void concurrentCallersGetTheAudioASingleCallerWould() throws Exception {
        List<short[]> alone = new ArrayList<>();
        for (String sentence : SENTENCES) {
            try (EspeakWorkerPool single = new EspeakWorkerPool(1)) {
                alone.add(single.synthesize(sentence, ML));
            }
        }
        ExecutorService callers = Executors.newFixedThreadPool(SENTENCES.size());
        try (EspeakWorkerPool pool = new EspeakWorkerPool(SENTENCES.size())) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<short[]>> spoken = new ArrayList<>();
            for (String sentence : SENTENCES) {
                spoken.add(callers.submit(() -> {
                    go.await();
                    return pool.synthesize(sentence, ML);
                }));
            }
            go.countDown();
            for (int i = 0; i < SENTENCES.size(); i++) {
                assertThat(spoken.get(i).get(60, TimeUnit.SECONDS))
                        .as(SENTENCES.get(i))
                        .isEqualTo(alone.get(i));
            }
            assertThat(pool.pids()).hasSize(SENTENCES.size()).doesNotHaveDuplicates();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aKilledWorkerIsReplacedAndItsRequestRetried() throws Exception {
        try (EspeakWorkerPool pool = new EspeakWorkerPool(1)) {
            pool.synthesize(SENTENCES.get(0), ML);
            long killed = pool.pids().get(0);
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            ProcessHandle.of(killed).ifPresent(gone -> gone.onExit().join());

            short[] pcm = pool.synthesize(SENTENCES.get(1), ML);

            assertThat(pcm.length).isGreaterThan(11025); // more than half a second of speech
            assertThat(pool.pids()).hasSize(1).doesNotContain(killed);
        }
    }

    @Test
    void aHungWorkerIsKilledAtTheJobDeadlineAndReplaced() throws Exception {
        try (EspeakWorkerPool pool = new EspeakWorkerPool(1)) {
            pool.synthesize(SENTENCES.get(0), ML);
            long hung = pool.pids().get(0);
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(hung)).start();
            assertThat(stop.waitFor()).isZero();

            long begin = System.nanoTime();
            try (JobDeadline deadline = JobDeadline.start(Duration.ofMillis(500))) {
                assertThatThrownBy(() -> pool.synthesize(SENTENCES.get(1), ML))
                        .isInstanceOf(SynthesisException.class)
                        .hasMessageContaining("deadline");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
            // SIGKILL was sent; the kernel reaps the process a moment later
            ProcessHandle.of(hung)
                    .ifPresent(dying ->
                            dying.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(hung).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();

            assertThat(pool.synthesize(SENTENCES.get(1), ML)).isNotEmpty();
            assertThat(pool.pids()).hasSize(1).doesNotContain(hung);
        }
    }

    @Test
    void aRefusedRequestKeepsItsWorker() {
        try (EspeakWorkerPool pool = new EspeakWorkerPool(1)) {
            pool.synthesize(SENTENCES.get(0), ML);
            List<Long> before = pool.pids();

            assertThatThrownBy(() -> pool.synthesize("hello", new Espeak.Settings("no-such-voice", 175, 50, 50, 100)))
                    .isInstanceOfSatisfying(
                            SynthesisException.class,
                            e -> assertThat(e.code()).isEqualTo(SynthesisException.Code.VOICE_NOT_FOUND));

            assertThat(pool.synthesize(SENTENCES.get(1), ML)).isNotEmpty();
            assertThat(pool.pids()).isEqualTo(before);
        }
    }

    @Test
    void callersThatFindTheLibraryBusySpeakOnWorkerProcesses() throws Exception {
        EspeakWorkers workers = new EspeakWorkers(Espeak.get(), 3, false);
        int alone = workers.synthesize(SENTENCES.get(1), ML).length;
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<short[]>> spoken = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                spoken.add(callers.submit(() -> {
                    go.await();
                    return workers.synthesize(SENTENCES.get(1), ML);
                }));
            }
            go.countDown();
            for (Future<short[]> pcm : spoken) {
                // espeak-ng's call-to-call variation: a few samples to tens of milliseconds
                assertThat((double) pcm.get(60, TimeUnit.SECONDS).length).isCloseTo(alone, withinPercentage(5));
            }
            assertThat(workers.processes().pids()).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        } finally {
            callers.shutdownNow();
            workers.close();
        }
    }
}
