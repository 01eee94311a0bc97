package dev.shabdam.speech;

import java.util.Locale;

/** The audio formats generation answers in, with their file extension and media type. */
public enum AudioFormat {
    WAV("wav", "audio/wav"),
    MP3("mp3", "audio/mpeg"),
    OGG("ogg", "audio/ogg");

    private final String extension;
    private final String mediaType;

    AudioFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static AudioFormat fromName(String name) {
        for (AudioFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new SynthesisException(
                SynthesisException.Code.INVALID_PARAMETER, "unknown format '" + name + "': wav, mp3 or ogg");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
