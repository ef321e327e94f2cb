package dev.computestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computestudio.app.AppContext;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ScaleDecisions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compute timeline} over a real data folder: the segments as CSV, JSON and a table. */
class TimelineCommandTest {

    private static final String NODE = "tvm-1234567890_1-20260302t090000z";

    @TempDir
    Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Instant base;

    /** A node that ran job-a for a minute, sat idle for two and was removed, ten minutes ago. */
    @BeforeEach
    void recordAHistory() {
        base = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        try (AppContext context = AppContext.open(data, RunnerChoice.PROCESS, "test")) {
            context.workspaces().create("ws1", null, null);
            // Stored directly, so that it was created before the history below.
            context.database().repositories().clusters().insert(new ComputeCluster("ws1", "cpu",
                    ClusterSpec.defaults("Standard_DS3_v2"), ClusterStatus.created(base.minusSeconds(5)), null, null,
                    base.minusSeconds(5)));
            context.database().repositories().nodes().insert(node(NodeState.GONE, null, base.plusSeconds(180)));
            context.database().repositories().events().append(List.of(
                    LogEvent.cluster(base.minusSeconds(5), "ws1", "cpu", ScaleDecisions.CREATED,
                            Message.of("reason.cluster.created", "Standard_DS3_v2", "dedicated", 0, 4)),
                    // Sentences as an older version stored them, before texts had codes.
                    LogEvent.cluster(base, "ws1", "cpu", ScaleDecisions.SCALE_UP,
                            Message.of("text.recorded", "adding 1 node(s)")),
                    LogEvent.node(base, node(NodeState.PREPARING, null, base), Message.of("reason.node.scale-up")),
                    LogEvent.node(base, node(NodeState.RUNNING, "job-a", base),
                            Message.of("reason.node.rank-started", 0, "job-a")),
                    LogEvent.node(base.plusSeconds(60), node(NodeState.IDLE, null, base),
                            Message.of("reason.node.rank-exited", 0)),
                    LogEvent.node(base.plusSeconds(180), node(NodeState.GONE, null, base),
                            Message.of("text.recorded", "idle for 120 s, \"long\""))));
        }
    }

    /** The node as one event of the history tells it (the log keeps states, not moves). */
    private Node node(NodeState state, String job, Instant since) {
        return new Node(NODE, "ws1", "cpu", state, null, 0, job, base, since, null, null);
    }

    private int run(String... args) {
        InProcessCli.Result result = new InProcessCli(data).run(args);
        out.write(result.out());
        err.write(result.err());
        return result.exitCode();
    }

    @Test
    void csvHasOneLinePerSegmentWithStartEndDurationJobAndReason() {
        int code = run("compute", "timeline", "-w", "ws1", "--name", "cpu", "-o", "csv");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().split("\r\n")).containsExactly(
                "node,state,start,end,duration_s,job,reason",
                NODE + ",running," + base + "," + base.plusSeconds(60) + ",60,job-a,rank 0 of job-a",
                NODE + ",idle," + base.plusSeconds(60) + "," + base.plusSeconds(180) + ",120,,rank exited with code 0");
    }

    @Test
    void sinceCutsTheWindowButKeepsTheRealStartOfWhatWasUnderWay() {
        int code = run("compute", "timeline", "-w", "ws1", "--name", "cpu", "--since",
                base.plusSeconds(90).toString(), "-o", "csv");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().split("\r\n")).containsExactly(
                "node,state,start,end,duration_s,job,reason",
                NODE + ",idle," + base.plusSeconds(60) + "," + base.plusSeconds(180) + ",120,,rank exited with code 0");
    }

    @Test
    void aDurationBackFromNowAfterTheNodeWentShowsNothing() {
        assertThat(run("compute", "timeline", "-w", "ws1", "--name", "cpu", "--since", "5m", "-o", "csv")).isZero();

        assertThat(out.toString()).isEqualTo("node,state,start,end,duration_s,job,reason\r\n");
    }

    @Test
    void jsonHasTheSegmentsAndTheDecisionsWithTheirWhy() throws Exception {
        assertThat(run("compute", "timeline", "-w", "ws1", "--name", "cpu", "-o", "json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("compute").asText()).isEqualTo("cpu");
        assertThat(json.get("segments")).hasSize(2);
        assertThat(json.get("segments").get(0).get("job").asText()).isEqualTo("job-a");
        assertThat(json.get("segments").get(0).get("durationSeconds").asLong()).isEqualTo(60);
        assertThat(json.get("decisions").findValuesAsText("code")).contains("CREATED", "SCALE_UP");
        assertThat(json.get("decisions").findValuesAsText("why"))
                .contains("Nodes added because jobs were waiting: adding 1 node(s).");
    }

    @Test
    void theTableIsForPeople() {
        assertThat(run("compute", "timeline", "-w", "ws1", "--name", "cpu")).isZero();

        assertThat(out.toString()).startsWith("Node").contains("Duration").contains("running").contains("60 s")
                .contains("job-a");
    }

    @Test
    void aBadSinceIsBadInputNamingTheField() {
        assertThat(run("compute", "timeline", "-w", "ws1", "--name", "cpu", "--since", "yesterday"))
                .isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(err.toString()).contains("error: since: 'yesterday' is neither a duration back from now");
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertThat(run("compute", "timeline", "-w", "ws1", "--name", "nope", "-o", "csv"))
                .isEqualTo(ExitCodes.NOT_FOUND);
    }
}
