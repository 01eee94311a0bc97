package dev.shabdam.schemas.jobs;

import dev.shabdam.speech.SynthesisException;

import java.util.Map;

/** Reading typed values out of a job's string parameters, refusing what does not parse ({@code invalid_parameter}). */
final class ParameterValues {

    private ParameterValues() {}

    /** A boolean form field: exactly {@code true} or {@code false}, so that a typo is refused, not read as false. */
    static Boolean flag(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new SynthesisException(
                        SynthesisException.Code.INVALID_PARAMETER, name + " must be true or false, not " + value);
        };
    }

    static double number(Map<String, String> parameters, String name, double fallback) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new SynthesisException(
                    SynthesisException.Code.INVALID_PARAMETER, name + " is not a number: " + value);
        }
    }
}
