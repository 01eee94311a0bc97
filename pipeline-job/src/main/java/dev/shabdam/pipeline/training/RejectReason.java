package dev.shabdam.pipeline.training;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the quality gate refuses a training sample; {@link #code()} is the name results carry. */
public enum RejectReason {
    /** Decoded at a rate under the 16 kHz analysis rate: the upper half of the voice's spectrum is missing. */
    SAMPLE_RATE("sample_rate", "decoded at under 16 kHz"),
    /** No speech at all (digital silence, or nothing the voice activity detector calls speech). */
    SILENT("silent", "no speech found"),
    TOO_SHORT("too_short", "under 3 s of speech"),
    CLIPPED("clipped", "clipped samples"),
    NOISY("noisy", "speech-to-noise ratio under the bound"),
    /** The speaker's features change within the sample: two people, or speech over music. */
    SPEAKER_CHANGE("speaker_change", "the voice changes within the sample (several speakers or music)");

    private final String code;
    private final String description;

    RejectReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
