package dev.shabdam.speech.text;

import dev.shabdam.speech.SynthesisException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: Java's {@code new String(bytes, UTF_8)} silently substitutes U+FFFD. */
public final class Utf8 {

    private Utf8() {}

    /** Decodes or throws {@code invalid_text} naming the offending byte offset. */
    public static String decodeStrict(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_TEXT,
                    "Text is not valid UTF-8 (near byte " + in.position() + ")",
                    e);
        }
    }
}
