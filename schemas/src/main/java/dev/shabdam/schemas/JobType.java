package dev.shabdam.schemas;

/** What a job does; each type has its operator in the Flink job graph. */
public enum JobType {
    ANALYZE, COMPARE, GENERATE, TRAIN, DUB
}
