package dev.shabdam.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The real job graph ({@link VoicePipelineJob}) on a MiniCluster in this JVM, over file:// storage,
 * with the requests of a file as a bounded source and the events collected into a file: what
 * {@link BoundedMemoryTest} starts in a JVM of its own with a small heap. Prints the heap it took.
 *
 * <p>Arguments: storage root, a file of request JSON lines, the file to write the event JSON lines to.
 */
public final class SmallHeapPipeline {
    private SmallHeapPipeline() {}

    public static void main(String[] args) throws Exception {
        Path storageRoot = Path.of(args[0]);
        List<String> requests = Files.readAllLines(Path.of(args[1]));
        HeapWatch heap = HeapWatch.start();
        CollectSink<VoiceEvent> events = new CollectSink<>();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(TestPipelines.configuration(1000));
        env.setParallelism(2);
        VoicePipelineJob.ClassConnectors connectors =
                new VoicePipelineJob.ClassConnectors(TestPipelines.source(requests), TestPipelines.eventsOnly(events));
        TestPipelines.job(connectors, storageRoot).build(env);
        long started = System.nanoTime();
        env.execute("small-heap");
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        Files.write(
                Path.of(args[2]),
                events.received().stream()
                        .map(event -> new String(RecordCodec.encode(event), StandardCharsets.UTF_8))
                        .toList());
        System.out.printf(
                "HEAP max %d MB, live after GC peak %d MB, in use before GC peak %d MB, %d GCs; job ran %d s%n",
                Runtime.getRuntime().maxMemory() >> 20,
                heap.liveAfterGc() >> 20,
                heap.usedBeforeGc() >> 20,
                heap.collections(),
                seconds);
    }

    /**
     * The heap as the garbage collector sees it: after each collection, what was still live (the
     * peak of that is what the work really needed), and before it, how full the heap had got.
     */
    static final class HeapWatch {
        private final AtomicLong liveAfterGc = new AtomicLong();
        private final AtomicLong usedBeforeGc = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector)
                        .addNotificationListener(
                                (notification, handback) -> {
                                    if (notification
                                            .getType()
                                            .equals(
                                                    GarbageCollectionNotificationInfo
                                                            .GARBAGE_COLLECTION_NOTIFICATION)) {
                                        var info = GarbageCollectionNotificationInfo.from(
                                                        (CompositeData) notification.getUserData())
                                                .getGcInfo();
                                        watch.liveAfterGc.accumulateAndGet(
                                                heapUsed(info.getMemoryUsageAfterGc(), heapPools), Math::max);
                                        watch.usedBeforeGc.accumulateAndGet(
                                                heapUsed(info.getMemoryUsageBeforeGc(), heapPools), Math::max);
                                        watch.collections.incrementAndGet();
                                    }
                                },
                                null,
                                null);
            }
            return watch;
        }

        private static long heapUsed(Map<String, MemoryUsage> pools, Set<String> heapPools) {
            return pools.entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed())
                    .sum();
        }

        long liveAfterGc() {
            return liveAfterGc.get();
        }

        long usedBeforeGc() {
            return usedBeforeGc.get();
        }

        long collections() {
            return collections.get();
        }
    }
}
