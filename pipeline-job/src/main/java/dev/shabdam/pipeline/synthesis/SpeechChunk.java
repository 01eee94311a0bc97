package dev.shabdam.pipeline.synthesis;

import dev.shabdam.pipeline.synthesis.audio.Audio;

/**
 * One streamed piece of a generation: a sentence's audio, loudness-normalised, with the
 * sentence pause (and any SSML breaks) already appended.
 *
 * @param index position, from 0
 * @param count how many chunks the request makes, known before the first is sent
 * @param text  the normalised sentence it speaks (empty for a leading SSML break)
 */
public record SpeechChunk(int index, int count, String text, Audio audio) {

    public boolean last() {
        return index == count - 1;
    }
}
