package dev.shabdam.schemas;

/**
 * Why a job failed: a machine-readable code (as in the API's problem details) and a sentence.
 *
 * <p>The detail often quotes native libraries; it is cleaned of control characters (PostgreSQL
 * refuses a NUL in text, which would make the event a poison record for the JDBC sink), of filesystem
 * paths ({@link PathRedaction}: every failure the API reports is made here, in the pipeline or read back
 * from the jobs table) and bounded.
 */
public record JobError(String code, String detail) {
    static final int MAX_DETAIL_LENGTH = 2000;

    public JobError {
        detail = detail == null ? null : clean(detail);
    }

    private static String clean(String text) {
        String printable = PathRedaction.withoutPaths(text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", ""))
                .strip();
        return printable.length() <= MAX_DETAIL_LENGTH ? printable : printable.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
