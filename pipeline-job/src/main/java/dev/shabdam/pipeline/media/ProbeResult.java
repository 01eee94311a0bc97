package dev.shabdam.pipeline.media;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What a media file contains. {@code sampleRateHz} and {@code channels} describe the first audio
 * stream and are null when there is none; {@code durationSec} and {@code bitRate} are null when the
 * container does not say. Serialised as the ANALYZE result, so its JSON names are API.
 */
public record ProbeResult(
        Double durationSec,
        Integer sampleRateHz,
        Integer channels,
        @JsonProperty("format") String formatName,
        Long bitRate,
        List<StreamInfo> streams) {

    public ProbeResult {
        streams = List.copyOf(streams);
    }
}
