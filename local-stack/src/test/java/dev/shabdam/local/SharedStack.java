package dev.shabdam.local;

import dev.shabdam.pipeline.media.FfmpegMediaProbe;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One embedded stack for every test class of this module: started by the first class that needs it,
 * stopped when the test run ends. Its media probe can be told to crash (see {@link CrashingProbe}).
 */
public final class SharedStack implements BeforeAllCallback {
    static final String TENANT_A_KEY = "key-tenant-a";
    static final String TENANT_B_KEY = "key-tenant-b";
    /** Two tenants configured to share one synthesis cache (SHABDAM_SHARED_CACHE_TENANTS). */
    static final String SHARING_C_KEY = "key-sharing-c";

    static final String SHARING_D_KEY = "key-sharing-d";
    /**
     * Small enough that a test can send more than it without moving much data, large enough for the
     * 1.3 MB FLAC of an hour of 8-channel silence that the bad-input corpus sends.
     */
    static final int MAX_AUDIO_BYTES = 2 * 1024 * 1024;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);
    private static final CrashingProbe PROBE = new CrashingProbe(new FfmpegMediaProbe());
    private static volatile LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "stack",
                        key -> {
                            stack = startStack();
                            return (AutoCloseable) stack::close;
                        },
                        AutoCloseable.class);
    }

    static LocalStack stack() {
        return stack;
    }

    static CrashingProbe probe() {
        return PROBE;
    }

    static Api api(String apiKey) {
        return new Api(stack.gatewayUrl(), apiKey);
    }

    private static LocalStack startStack() {
        StackSettings settings = TestStacks.settings()
                .apiKeys("tenant-a:" + TENANT_A_KEY + ",tenant-b:" + TENANT_B_KEY + ",sharing-c:" + SHARING_C_KEY
                        + ",sharing-d:" + SHARING_D_KEY)
                .parallelism(2)
                .gatewayEnvironment(Map.of(
                        "SHABDAM_MAX_AUDIO_BYTES",
                        Integer.toString(MAX_AUDIO_BYTES),
                        "SHABDAM_SHARED_CACHE_TENANTS",
                        "sharing-c,sharing-d"))
                .build();
        try {
            return LocalStack.start(settings, PROBE);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded stack did not start", e);
        }
    }
}
