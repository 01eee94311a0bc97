package dev.shabdam.schemas.jobs;

import dev.shabdam.schemas.JobType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A COMPARE job: two recordings, {@link #RECORDING_A} and {@link #RECORDING_B}, compared speaker for speaker.
 * It takes no parameters of its own.
 *
 * @param uploadA what the gateway found recording a to be; null when not recorded
 * @param uploadB the same of recording b
 */
public record CompareJob(InputFormat uploadA, InputFormat uploadB) implements JobRequest {
    public static final String RECORDING_A = "a";
    public static final String RECORDING_B = "b";

    @Override
    public JobType type() {
        return JobType.COMPARE;
    }

    /** Each recording's format under its input's name ({@code a.media}, {@code a.format}, …). */
    @Override
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uploadA != null) {
            uploadA.addTo(parameters, RECORDING_A + ".");
        }
        if (uploadB != null) {
            uploadB.addTo(parameters, RECORDING_B + ".");
        }
        return parameters;
    }

    public static CompareJob fromParameters(Map<String, String> parameters) {
        return new CompareJob(
                InputFormat.from(parameters, RECORDING_A + "."), InputFormat.from(parameters, RECORDING_B + "."));
    }

    /** The inputs of a comparison of {@code a} with {@code b} (storage keys, or files to upload), by name, a first. */
    public static <T> Map<String, T> inputs(T a, T b) {
        Map<String, T> inputs = new LinkedHashMap<>();
        inputs.put(RECORDING_A, a);
        inputs.put(RECORDING_B, b);
        return inputs;
    }
}
