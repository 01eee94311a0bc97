package dev.shabdam.pipeline.media;

/**
 * The two views of one file's audio that dubbing needs: {@code speech} at 16 kHz mono for voice
 * activity detection and recognition, {@code original} at the file's own rate and channels, from which
 * the background is kept under the new voice.
 */
public record SpeechTracks(DecodedAudio speech, DecodedAudio original) {
}
