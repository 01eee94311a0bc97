package dev.shabdam.pipeline.training;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the quality gate refuses a training sample; {@link #code()} is the name results carry. */
public enum RejectReason {
    /** Decoded at a rate under the 16 kHz analysis rate: the upper half of the voice's spectrum is missing. */
    SAMPLE_RATE("sample_rate"),
    /** No speech at all (digital silence, or nothing the voice activity detector calls speech). */
    SILENT("silent"),
    /** Under {@link QualityGate#MIN_SPEECH_SEC} of speech. */
    TOO_SHORT("too_short"),
    /** More than {@link QualityGate#MAX_CLIPPING_RATIO} of the samples on a flat top at full scale. */
    CLIPPED("clipped"),
    /** Speech-to-noise ratio under {@link QualityGate#MIN_SNR_DB}. */
    NOISY("noisy"),
    /** The speaker's features change within the sample: two people, or speech over music. */
    SPEAKER_CHANGE("speaker_change");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
