package dev.shabdam.schemas;

/** Why a job failed: a machine-readable code (as in the API's problem details) and a sentence. */
public record JobError(String code, String detail) {
}
