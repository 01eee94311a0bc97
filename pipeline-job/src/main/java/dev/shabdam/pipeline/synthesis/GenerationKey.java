package dev.shabdam.pipeline.synthesis;

import dev.shabdam.schemas.CacheScope;
import dev.shabdam.schemas.VoiceRequest;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The key GENERATE requests are partitioned by: identical requests (the same parameters) in one cache
 * scope share it. They then run one after the other on one subtask, and every one after the first is
 * answered from the cache the first one filled, with its bytes (single flight), instead of each being
 * synthesised at the same time on another subtask. A hash of the parameters is enough: requests that
 * differ but collide merely share a subtask, as keys sharing a key group always do.
 */
public class GenerationKey implements KeySelector<VoiceRequest, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(VoiceRequest request) {
        // Map.hashCode is defined by the Map contract from the entries' String hashes: the same in every JVM
        return CacheScope.of(request).id() + "#"
                + Integer.toHexString(request.parameters().hashCode());
    }
}
