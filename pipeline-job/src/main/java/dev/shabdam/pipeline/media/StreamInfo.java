package dev.shabdam.pipeline.media;

/**
 * One stream of a media file. Fields that do not apply to the stream's type are null
 * (no sample rate on video, no width on audio).
 *
 * @param type "audio", "video", "subtitle" or "data"
 */
public record StreamInfo(
        int index,
        String type,
        String codec,
        Integer sampleRateHz,
        Integer channels,
        Integer width,
        Integer height,
        Double frameRate) {}
