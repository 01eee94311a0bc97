package dev.shabdam.gateway.problems;

import dev.shabdam.speech.SynthesisException;
import org.springframework.http.HttpStatus;

import java.util.Arrays;

/**
 * The statuses of the synthesis core's codes: the request's fault (bad text or parameters, a voice id that is
 * not a voice name) is 400, a voice nobody installed or named is 404, an engine without its model or out of
 * service is 503, an engine that broke is 500. The same codes answer a refused request and a GENERATE job that
 * failed; a code the core does not know is 500.
 */
final class SynthesisProblems {

    private SynthesisProblems() {}

    static HttpStatus status(String wireCode) {
        return Arrays.stream(SynthesisException.Code.values())
                .filter(code -> code.wireName().equals(wireCode))
                .findFirst()
                .map(SynthesisProblems::status)
                .orElse(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    static HttpStatus status(SynthesisException.Code code) {
        return switch (code) {
            case MODEL_MISSING, ENGINE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case ENGINE_FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
            case VOICE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case EMPTY_TEXT,
                    TEXT_TOO_LONG,
                    INVALID_TEXT,
                    UNSUPPORTED_LANGUAGE,
                    INVALID_VOICE,
                    INVALID_PARAMETER,
                    INVALID_SSML -> HttpStatus.BAD_REQUEST;
        };
    }
}
