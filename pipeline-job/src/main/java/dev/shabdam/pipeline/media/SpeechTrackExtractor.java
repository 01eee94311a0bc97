package dev.shabdam.pipeline.media;

import java.io.File;

/**
 * The speech track of any media file FFmpeg reads: 16 kHz mono, what Silero VAD and Whisper take,
 * with FFmpeg's swresample doing the resampling and the down-mix. Handed out block by block, so a
 * long film's track is never in memory.
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

    /** The 16 kHz mono track, block by block: what segmentation and recognition read. */
    public AudioBlocks speech(File media) throws MediaDecodeException {
        return decoder.open(media, SPEECH_RATE_HZ, 1);
    }
}
