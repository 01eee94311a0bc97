package dev.shabdam.pipeline.media;

import java.io.File;

/**
 * Pulls the audio of any media file FFmpeg reads into the {@link SpeechTracks} dubbing starts from.
 *
 * <p>Both tracks come from {@link AudioDecoder}: the speech track lets FFmpeg's swresample do the
 * resampling and down-mix, so it matches what the analysis stages decode. The file is decoded twice
 * rather than resampled here from the original, because a second resampler in Java would be a twin of
 * FFmpeg's and only the 16 kHz decode is needed when a job keeps no background.
 */
public final class SpeechTrackExtractor {
    /** The rate Silero VAD and Whisper expect. */
    public static final int SPEECH_RATE_HZ = 16_000;

    private final AudioDecoder decoder;

    public SpeechTrackExtractor() {
        this(new AudioDecoder());
    }

    public SpeechTrackExtractor(AudioDecoder decoder) {
        this.decoder = decoder;
    }

    public SpeechTracks extract(File media) throws MediaDecodeException {
        return new SpeechTracks(speech(media), decoder.decode(media));
    }

    /** Only the 16 kHz mono track: what segmentation and recognition read. */
    public DecodedAudio speech(File media) throws MediaDecodeException {
        return decoder.decode(media, SPEECH_RATE_HZ, 1);
    }
}
