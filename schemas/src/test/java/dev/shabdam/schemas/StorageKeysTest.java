package dev.shabdam.schemas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageKeysTest {

    @Test
    void keysAreDeterministicPerJob() {
        assertThat(StorageKeys.output("j1", "report")).isEqualTo("jobs/j1/outputs/report");
        assertThat(StorageKeys.segment("j1", 3, "tts.wav")).isEqualTo("jobs/j1/segments/3/tts.wav");
        assertThat(StorageKeys.upload("acme", "j1", "file")).isEqualTo("uploads/acme/j1/file");
    }

    @Test
    void synthesisCacheKeysAreScopedByTenantUnlessShared() {
        String own = StorageKeys.synthesisCache("acme", "abc123", "wav");
        String shared = StorageKeys.synthesisCache(null, "abc123", "wav");

        assertThat(own).isEqualTo("cache/tts/tenants/acme/abc123.wav");
        assertThat(shared).isEqualTo("cache/tts/shared/abc123.wav");
        assertThat(StorageKeys.synthesisCache("shared", "abc123", "wav"))
                .as("no tenant can name the shared scope")
                .isNotEqualTo(shared);
        assertThat(StorageKeys.isSynthesisCache(own)).isTrue();
        assertThat(StorageKeys.isSynthesisCache(shared)).isTrue();
        assertThat(StorageKeys.isSynthesisCache(StorageKeys.output("j1", "audio.wav")))
                .isFalse();
        assertThatThrownBy(() -> StorageKeys.synthesisCache("../acme", "abc123", "wav"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJobsPrefixesHoldEveryKeyOfTheJob() {
        assertThat(StorageKeys.upload("acme", "j1", "file")).startsWith(StorageKeys.uploadsOf("acme", "j1"));
        assertThat(StorageKeys.output("j1", "report")).startsWith(StorageKeys.workOf("j1"));
        assertThat(StorageKeys.segment("j1", 3, "tts.wav")).startsWith(StorageKeys.workOf("j1"));
        assertThat(StorageKeys.output("j10", "report"))
                .as("another job's keys lie elsewhere")
                .doesNotStartWith(StorageKeys.workOf("j1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b", "..", ".hidden", "", "a\\b", "x..y"})
    void refusesNamesThatCouldEscapeTheirFolder(String name) {
        assertThat(StorageKeys.isSafeName(name)).isFalse();
        assertThatThrownBy(() -> StorageKeys.output("j1", name)).isInstanceOf(IllegalArgumentException.class);
    }
}
