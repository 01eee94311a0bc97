package dev.shabdam.gateway.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.shabdam.gateway.problems.InvalidRequestException;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.speech.SynthesisException;
import dev.shabdam.speech.text.Utf8;

/**
 * Reads a JSON body holding text to speak. The bytes are decoded strictly first, so text that is not
 * UTF-8 is refused as {@code invalid_text} instead of being read with replacement characters (or
 * reported as a JSON syntax error); then a body that is not JSON is {@code malformed_body}, and a
 * field of the wrong type {@code invalid_parameter}.
 */
final class JsonBody {

    private JsonBody() {}

    static <T> T read(byte[] body, Class<T> type) {
        String json = Utf8.decodeStrict(body);
        try {
            T value = RecordCodec.mapper().readValue(json, type);
            if (value == null) {
                throw malformed();
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER, "A field has the wrong type: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw malformed();
        }
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("malformed_body", "The body is not a JSON object.");
    }
}
