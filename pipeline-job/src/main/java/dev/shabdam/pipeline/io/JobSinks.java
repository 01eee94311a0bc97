package dev.shabdam.pipeline.io;

import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;

/**
 * Where the job's results go. Real connectors in production ({@link #of}); tests pass collecting
 * sinks and run the same graph.
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

    public static JobSinks of(String kafkaBootstrap, JdbcConnectionOptions jdbc) {
        return new JobSinks(
                KafkaConnectors.events(kafkaBootstrap),
                JobStateSinks.jobs(jdbc),
                JobStateSinks.jobEvents(jdbc),
                AnalysisResultsSink.create(jdbc),
                KafkaConnectors.replies(kafkaBootstrap),
                SynthesisCacheSink.create(jdbc),
                KafkaConnectors.deadLetters(kafkaBootstrap));
    }
}
