package dev.shabdam.gateway.operations;

import dev.shabdam.schemas.RecordCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The job's state in an overview as Flink's REST API answers {@code GET /jobs/overview}. */
class FlinkJobsTest {

    private static String stateIn(String overview) throws Exception {
        return FlinkJobs.stateIn(RecordCodec.mapper().readTree(overview), "shabdam-pipeline");
    }

    @Test
    void aRunningJobOfThatNameIsRunningWhateverEndedBeforeIt() throws Exception {
        assertThat(stateIn("""
                {"jobs":[
                  {"jid":"a1","name":"shabdam-pipeline","start-time":100,"state":"CANCELED","tasks":{}},
                  {"jid":"b2","name":"shabdam-pipeline","start-time":200,"state":"RUNNING","tasks":{}},
                  {"jid":"c3","name":"other","start-time":300,"state":"FAILED","tasks":{}}]}""")).isEqualTo("RUNNING");
    }

    @Test
    void otherwiseTheStateOfTheOneStartedLast() throws Exception {
        assertThat(stateIn("""
                {"jobs":[
                  {"jid":"a1","name":"shabdam-pipeline","start-time":300,"state":"RESTARTING"},
                  {"jid":"b2","name":"shabdam-pipeline","start-time":100,"state":"FAILED"},
                  {"jid":"c3","name":"other","start-time":400,"state":"RUNNING"}]}""")).isEqualTo("RESTARTING");
    }

    @Test
    void noJobOfThatNameIsNotFound() throws Exception {
        assertThat(stateIn("{\"jobs\":[{\"jid\":\"c3\",\"name\":\"other\",\"state\":\"RUNNING\"}]}"))
                .isEqualTo(FlinkJobs.NOT_FOUND);
        assertThat(stateIn("{\"jobs\":[]}")).isEqualTo(FlinkJobs.NOT_FOUND);
    }

    @Test
    void aRestApiThatDoesNotAnswerIsUnreachable() {
        // a port nobody listens on: the discard port of localhost is closed on test machines
        assertThat(new FlinkJobs(java.net.URI.create("http://127.0.0.1:9/"), "shabdam-pipeline").state())
                .isEqualTo(FlinkJobs.UNREACHABLE);
    }
}
