package dev.shabdam.pipeline.synthesis;

import dev.shabdam.schemas.CacheScope;
import dev.shabdam.speech.prosody.Prosody;
import dev.shabdam.speech.text.Language;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The synthesis cache key: sha256 over the cache scope ({@link CacheScope#id()}: whose cache it is) and
 * every input that changes the audio. Each field is
 * length-prefixed (so "ab"+"c" and "a"+"bc" differ) and doubles are hashed by their exact
 * bits, making the key deterministic across processes and machines. Bump {@link #SCHEME}
 * when the audio pipeline changes in a way that should invalidate old entries.
 */
public final class SynthesisCacheKey {

    static final String SCHEME = "shabdam-synthesis-v2";

    private SynthesisCacheKey() {}

    public static String of(
            String scope,
            String normalizedText,
            Language language,
            String voiceId,
            Prosody prosody,
            String engineId,
            String modelVersion) {
        MessageDigest sha = sha256();
        field(sha, SCHEME);
        field(sha, scope);
        field(sha, normalizedText);
        field(sha, language.code());
        field(sha, voiceId == null ? "" : voiceId);
        number(sha, prosody.speed());
        number(sha, prosody.pitchSemitones());
        field(sha, prosody.emotion().wireName());
        number(sha, prosody.volume());
        field(sha, engineId);
        field(sha, modelVersion);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static void number(MessageDigest sha, double value) {
        sha.update(ByteBuffer.allocate(8)
                .putLong(Double.doubleToLongBits(value + 0.0))
                .array()); // -0.0 -> 0.0
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
