package dev.shabdam.gateway.generation;

import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAudioTest {
    private static final String A = StorageKeys.synthesisCache("tenant-a", "a".repeat(64), "wav");
    private static final String B = StorageKeys.synthesisCache("tenant-a", "b".repeat(64), "wav");
    private static final String C = StorageKeys.synthesisCache("tenant-a", "c".repeat(64), "wav");

    private static RecentAudio withBudget(long bytes) {
        return new RecentAudio(new GenerationProperties(DataSize.ofBytes(bytes)));
    }

    @Test
    void keepsCacheAudioAndGivesBackTheSameBytes() {
        RecentAudio recent = withBudget(1_000);
        byte[] audio = {1, 2, 3};
        recent.put(A, audio);
        assertThat(recent.get(A)).hasValue(audio);
        assertThat(recent.get(B)).isEmpty();
    }

    @Test
    void keepsNothingButSmallContentAddressedObjects() {
        RecentAudio recent = withBudget(10L * VoiceEvent.MAX_INLINE_OUTPUT_BYTES);
        String jobOutput = StorageKeys.output("job-1", "sentence-0.wav"); // named by job, not by content
        recent.put(jobOutput, new byte[10]);
        recent.put(A, new byte[VoiceEvent.MAX_INLINE_OUTPUT_BYTES + 1]);
        assertThat(recent.get(jobOutput)).isEmpty();
        assertThat(recent.get(A)).isEmpty();
        assertThat(recent.keeps(B, VoiceEvent.MAX_INLINE_OUTPUT_BYTES)).isTrue();
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondTheBudget() {
        RecentAudio recent = withBudget(250);
        recent.put(A, new byte[100]);
        recent.put(B, new byte[100]);
        assertThat(recent.get(A)).isPresent(); // A is now more recent than B
        recent.put(C, new byte[100]);

        assertThat(recent.get(B)).isEmpty();
        assertThat(recent.get(A)).isPresent();
        assertThat(recent.get(C)).isPresent();
    }
}
