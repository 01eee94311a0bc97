package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

import java.util.Objects;

/**
 * Where the job's results go, for one latency class: each class has sinks of its own, so that one's
 * backpressure and failures stay its own. Real connectors in production ({@link #of}); tests pass
 * collecting sinks and run the same graph. A class leaves the sinks of the other class's results unused
 * (dead letters, analysis results: media; replies, the synthesis cache: interactive). Six of the seven
 * take the same events, so they are set by name ({@link #builder()}).
 *
 * @param events          {@code voice.events} (every event)
 * @param jobs            the {@code jobs} table (every event)
 * @param jobEvents       the {@code job_events} table (every event)
 * @param analysisResults the {@code analysis_results} table (completed analyses)
 * @param replies         {@code voice.replies} (events of GENERATE jobs, for real-time waiters)
 * @param synthesisCache  the {@code synthesis_cache} index (completed generations)
 * @param deadLetters     {@code voice.requests.dlq} (records that could not be read)
 */
public record JobSinks(
        Sink<VoiceEvent> events,
        Sink<VoiceEvent> jobs,
        Sink<VoiceEvent> jobEvents,
        Sink<VoiceEvent> analysisResults,
        Sink<VoiceEvent> replies,
        Sink<VoiceEvent> synthesisCache,
        Sink<DeadLetter> deadLetters) {

    /** @param transactionalIdPrefix of the {@code voice.events} sink, unique to this set of sinks */
    public static JobSinks of(String kafkaBootstrap, JdbcConnectionOptions jdbc, String transactionalIdPrefix) {
        return builder()
                .withEvents(KafkaConnectors.events(kafkaBootstrap, transactionalIdPrefix))
                .withJobs(JobStateSinks.jobs(jdbc))
                .withJobEvents(JobStateSinks.jobEvents(jdbc))
                .withAnalysisResults(AnalysisResultsSink.create(jdbc))
                .withReplies(KafkaConnectors.replies(kafkaBootstrap))
                .withSynthesisCache(SynthesisCacheSink.create(jdbc))
                .withDeadLetters(KafkaConnectors.deadLetters(kafkaBootstrap))
                .build();
    }

    /** Every sink must be given: the graph writes to all of them, and a default would hide a forgotten one. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Sink<VoiceEvent> events;
        private Sink<VoiceEvent> jobs;
        private Sink<VoiceEvent> jobEvents;
        private Sink<VoiceEvent> analysisResults;
        private Sink<VoiceEvent> replies;
        private Sink<VoiceEvent> synthesisCache;
        private Sink<DeadLetter> deadLetters;

        private Builder() {}

        public Builder withEvents(Sink<VoiceEvent> events) {
            this.events = events;
            return this;
        }

        public Builder withJobs(Sink<VoiceEvent> jobs) {
            this.jobs = jobs;
            return this;
        }

        public Builder withJobEvents(Sink<VoiceEvent> jobEvents) {
            this.jobEvents = jobEvents;
            return this;
        }

        public Builder withAnalysisResults(Sink<VoiceEvent> analysisResults) {
            this.analysisResults = analysisResults;
            return this;
        }

        public Builder withReplies(Sink<VoiceEvent> replies) {
            this.replies = replies;
            return this;
        }

        public Builder withSynthesisCache(Sink<VoiceEvent> synthesisCache) {
            this.synthesisCache = synthesisCache;
            return this;
        }

        public Builder withDeadLetters(Sink<DeadLetter> deadLetters) {
            this.deadLetters = deadLetters;
            return this;
        }

        public JobSinks build() {
            return new JobSinks(
                    Objects.requireNonNull(events, "events"),
                    Objects.requireNonNull(jobs, "jobs"),
                    Objects.requireNonNull(jobEvents, "jobEvents"),
                    Objects.requireNonNull(analysisResults, "analysisResults"),
                    Objects.requireNonNull(replies, "replies"),
                    Objects.requireNonNull(synthesisCache, "synthesisCache"),
                    Objects.requireNonNull(deadLetters, "deadLetters"));
        }
    }
}
