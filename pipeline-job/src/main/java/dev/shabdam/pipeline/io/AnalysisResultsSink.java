package dev.shabdam.pipeline.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.schemas.EventKind;
import dev.shabdam.schemas.JobType;
import dev.shabdam.schemas.RecordCodec;
import dev.shabdam.schemas.VoiceEvent;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code analysis_results} table: one row per completed ANALYZE job, the report's headline
 * numbers in columns dashboards can aggregate, and the whole report as jsonb. An upsert on the job
 * id, so a replay overwrites the row (see {@link JobStateSinks} for why at-least-once suffices).
 */
public final class AnalysisResultsSink {
    static final String UPSERT = """
            INSERT INTO analysis_results (job_id, tenant_id, duration_sec, sample_rate_hz, channels,
                integrated_lufs, loudness_range_lu, true_peak_dbtp, snr_db, clipping_ratio, silence_ratio,
                pitch_median_hz, pitch_stdev_st, syllables_per_sec, jitter_percent, shimmer_percent, hnr_db,
                suggestion_codes, result, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (job_id) DO UPDATE SET
                result = EXCLUDED.result,
                suggestion_codes = EXCLUDED.suggestion_codes
            """;

    /** The numeric columns in statement order, with where each lives in the report. */
    private static final String[][] NUMBERS = {
        {"durationSec"}, {"sampleRateHz"}, {"channels"},
        {"loudness", "integratedLufs"}, {"loudness", "loudnessRangeLu"}, {"loudness", "truePeakDbtp"},
        {"snrDb"}, {"clippingRatio"}, {"silenceRatio"},
        {"pitch", "medianHz"}, {"pitch", "stdevSemitones"}, {"speakingRate", "syllablesPerSec"},
        {"voiceQuality", "jitterPercent"}, {"voiceQuality", "shimmerPercent"}, {"voiceQuality", "hnrDb"}
    };

    private AnalysisResultsSink() {}

    public static JdbcSink<VoiceEvent> create(JdbcConnectionOptions connection) {
        return JobStateSinks.sink(UPSERT, AnalysisResultsSink::bind, connection);
    }

    /** Which events become rows: completed analyses. */
    public static final class CompletedAnalyses implements FilterFunction<VoiceEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(VoiceEvent event) {
            return event.type() == JobType.ANALYZE && event.kind() == EventKind.COMPLETED && event.result() != null;
        }
    }

    static void bind(PreparedStatement ps, VoiceEvent event) throws SQLException {
        JsonNode report = RecordCodec.readTree(event.result());
        ps.setString(1, event.jobId());
        ps.setString(2, event.tenantId());
        for (int i = 0; i < NUMBERS.length; i++) {
            JsonNode value = report.at("/" + String.join("/", NUMBERS[i]));
            if (value.isNumber()) {
                ps.setDouble(3 + i, value.asDouble());
            } else {
                ps.setNull(3 + i, Types.DOUBLE);
            }
        }
        List<String> codes = new ArrayList<>();
        report.path("suggestions")
                .forEach(suggestion -> codes.add(suggestion.path("code").asText()));
        ps.setArray(18, ps.getConnection().createArrayOf("text", codes.toArray()));
        ps.setString(19, event.result());
        ps.setTimestamp(20, Timestamp.from(event.at()));
    }
}
