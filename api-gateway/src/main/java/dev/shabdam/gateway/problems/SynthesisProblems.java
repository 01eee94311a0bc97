package dev.shabdam.gateway.problems;

import dev.shabdam.schemas.JobError;
import dev.shabdam.speech.SynthesisException;
import org.springframework.http.HttpStatus;

import java.util.Arrays;

/**
 * Generation errors as problems, with the synthesis core's wire codes: the request's fault (bad text
 * or parameters, a voice id that is not a voice name) is 400, a voice nobody installed or named is 404,
 * an engine without its model or out of service is 503, an engine that broke is 500. The same codes answer a rejected request and a GENERATE job that failed.
 */
public final class SynthesisProblems {

    private SynthesisProblems() {}

    public static ApiProblem of(SynthesisException e) {
        return new ApiProblem(status(e.code()), e.codeName(), e.getMessage());
    }

    /** The problem a failed GENERATE job answers with; codes the core does not know are 500. */
    public static ApiProblem failed(JobError error) {
        if (error == null || error.code() == null) {
            return new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "generation_failed", "The generation failed.");
        }
        HttpStatus status = Arrays.stream(SynthesisException.Code.values())
                .filter(code -> code.wireName().equals(error.code()))
                .findFirst()
                .map(SynthesisProblems::status)
                .orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        String detail = error.detail() == null || error.detail().isBlank() ? "The generation failed." : error.detail();
        return new ApiProblem(status, error.code(), detail);
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
