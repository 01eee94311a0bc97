package dev.shabdam.gateway.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Size limits of uploaded media, by the kind the sniffed container says it is. */
@ConfigurationProperties("shabdam.uploads")
public record UploadProperties(DataSize maxAudioBytes, DataSize maxVideoBytes) {

    public long limitFor(MediaFormat format) {
        return (format.video() ? maxVideoBytes : maxAudioBytes).toBytes();
    }

    public long largestLimit() {
        return Math.max(maxAudioBytes.toBytes(), maxVideoBytes.toBytes());
    }
}
