package dev.shabdam.gateway.generation;

import dev.shabdam.gateway.GatewaySettings;
import dev.shabdam.schemas.StorageKeys;
import dev.shabdam.schemas.VoiceEvent;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAudioTest {
    private static final String SCOPE = "tenant:a";
    private static final String A = StorageKeys.synthesisCache("a", "a".repeat(64), "wav");
    private static final String B = StorageKeys.synthesisCache("a", "b".repeat(64), "wav");
    private static final String C = StorageKeys.synthesisCache("a", "c".repeat(64), "wav");

    private static RecentAudio withBudget(long bytes) {
        return new RecentAudio(new GatewaySettings.Generation(DataSize.ofBytes(bytes), Set.of()));
    }

    @Test
    void keepsCacheAudioAndGivesBackTheSameBytes() {
        RecentAudio recent = withBudget(1_000);
        byte[] audio = {1, 2, 3};
        recent.put(SCOPE, A, audio);
        assertThat(recent.get(SCOPE, A)).hasValue(audio);
        assertThat(recent.get(SCOPE, B)).isEmpty();
    }

    @Test
    void keepsNothingButSmallContentAddressedObjects() {
        RecentAudio recent = withBudget(10L * VoiceEvent.MAX_INLINE_OUTPUT_BYTES);
        String jobOutput = StorageKeys.output("job-1", "sentence-0.wav"); // named by job, not by content
        recent.put(SCOPE, jobOutput, new byte[10]);
        recent.put(SCOPE, A, new byte[VoiceEvent.MAX_INLINE_OUTPUT_BYTES + 1]);
        assertThat(recent.get(SCOPE, jobOutput)).isEmpty();
        assertThat(recent.get(SCOPE, A)).isEmpty();
        assertThat(recent.keeps(B, VoiceEvent.MAX_INLINE_OUTPUT_BYTES)).isTrue();
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondTheBudget() {
        RecentAudio recent = withBudget(250);
        recent.put(SCOPE, A, new byte[100]);
        recent.put(SCOPE, B, new byte[100]);
        assertThat(recent.get(SCOPE, A)).isPresent(); // A is now more recent than B
        recent.put(SCOPE, C, new byte[100]);

        assertThat(recent.get(SCOPE, B)).isEmpty();
        assertThat(recent.get(SCOPE, A)).isPresent();
        assertThat(recent.get(SCOPE, C)).isPresent();
    }

    @Test
    void audioKeptForOneScopeNeverAnswersAnother() {
        RecentAudio recent = withBudget(1_000);
        recent.put("tenant:a", A, new byte[] {1});
        assertThat(recent.get("tenant:b", A)).isEmpty();
        assertThat(recent.get("shared", A)).isEmpty();
        recent.put("tenant:b", A, new byte[] {2});
        assertThat(recent.get("tenant:a", A)).hasValue(new byte[] {1});
        assertThat(recent.get("tenant:b", A)).hasValue(new byte[] {2});
    }
}
