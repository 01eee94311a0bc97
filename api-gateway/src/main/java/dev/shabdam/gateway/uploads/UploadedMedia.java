package dev.shabdam.gateway.uploads;

/**
 * An upload now in object storage.
 *
 * @param key    storage key of the stored input
 * @param format the sniffed container
 * @param bytes  how many bytes were stored
 */
public record UploadedMedia(String key, MediaFormat format, long bytes) {}
