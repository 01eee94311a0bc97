package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

/**
 * Where the job's results go, for one latency class: each class has sinks of its own, so that one's
 * backpressure and failures stay its own. Real connectors in production ({@link #of}); tests pass
 * collecting sinks and run the same graph. A class leaves the sinks of the other class's results unused
 * (dead letters, analysis results: media; replies, the synthesis cache: interactive).
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
        return new JobSinks(
                KafkaConnectors.events(kafkaBootstrap, transactionalIdPrefix),
                JobStateSinks.jobs(jdbc),
                JobStateSinks.jobEvents(jdbc),
                AnalysisResultsSink.create(jdbc),
                KafkaConnectors.replies(kafkaBootstrap),
                SynthesisCacheSink.create(jdbc),
                KafkaConnectors.deadLetters(kafkaBootstrap));
    }
}
