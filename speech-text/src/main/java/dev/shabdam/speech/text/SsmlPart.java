package dev.shabdam.speech.text;

import dev.shabdam.speech.prosody.ProsodyChange;

/** A piece of a parsed SSML document, in reading order. */
public sealed interface SsmlPart permits SsmlPart.Speech, SsmlPart.Pause {

    /**
     * Text to speak. {@code interpretAs} is null for ordinary text (normalised by the usual rules)
     * or a {@code <say-as>} kind: characters, telephone, date, cardinal.
     */
    record Speech(String text, String interpretAs, ProsodyChange change) implements SsmlPart {}

    /** {@code <break time="…"/>}. */
    record Pause(int millis) implements SsmlPart {}
}
