package dev.shabdam.pipeline.dubbing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shabdam.pipeline.dubbing.Fit.Strategy;
import dev.shabdam.schemas.RecordCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DubReportTest {

    @Test
    void writesOneJsonObjectPerLine() throws Exception {
        DubbedLine dubbed = new DubbedLine(
                "job-1",
                2,
                DubbedLine.Outcome.DUBBED,
                "key",
                1000,
                2000,
                1000,
                2200,
                1.1,
                1.3,
                Strategy.BORROW,
                "espeak-ng",
                "Good morning",
                "സുപ്രഭാതം",
                "Asha",
                null,
                null);
        DubReport report = new DubReport(List.of(DubReport.Line.of(dubbed)));

        JsonNode line =
                RecordCodec.mapper().readTree(report.toJson()).get("utterances").get(0);
        assertThat(line.get("index").asInt()).isEqualTo(3);
        assertThat(line.get("slotStartMs").asLong()).isEqualTo(1000);
        assertThat(line.get("slotEndMs").asLong()).isEqualTo(2000);
        assertThat(line.get("dubEndMs").asLong()).isEqualTo(2200);
        assertThat(line.get("sourceText").asText()).isEqualTo("Good morning");
        assertThat(line.get("targetText").asText()).isEqualTo("സുപ്രഭാതം");
        assertThat(line.get("speaker").asText()).isEqualTo("Asha");
        assertThat(line.get("rate").asDouble()).isEqualTo(1.1);
        assertThat(line.get("speechSpeed").asDouble()).isEqualTo(1.3);
        assertThat(line.get("strategy").asText()).isEqualTo("BORROW");
        assertThat(line.get("engine").asText()).isEqualTo("espeak-ng");
        assertThat(RecordCodec.mapper().readValue(report.toJson(), DubReport.class))
                .isEqualTo(report);
    }
}
