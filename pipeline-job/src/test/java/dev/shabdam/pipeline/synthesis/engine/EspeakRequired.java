package dev.shabdam.pipeline.synthesis.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test class, saying why on the console, where libespeak-ng cannot be loaded. */
public final class EspeakRequired {
    private EspeakRequired() {}

    public static void assumeInstalled(String what) {
        boolean available = EspeakSynthesizer.isAvailable();
        if (!available) {
            System.out.println("SKIPPED " + what + ": libespeak-ng.so.1 not loadable (apt-get install espeak-ng)");
        }
        assumeTrue(available, "libespeak-ng is not installed");
    }
}
