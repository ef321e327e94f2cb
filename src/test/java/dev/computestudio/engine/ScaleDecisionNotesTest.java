package dev.computestudio.engine;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.ScaleDecisions;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The autoscaler says in the event log why it did not act (idle time, min nodes, waiting jobs,
 * max nodes), once per change of reason and never once per pass.
 */
class ScaleDecisionNotesTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private List<LogEvent> decisions() {
        return studio.events().stream().filter(e -> e.kind() == EventKind.CLUSTER).toList();
    }

    private List<String> decisionCodes() {
        return decisions().stream().map(LogEvent::state).toList();
    }

    private void passes(int count) {
        for (int i = 0; i < count; i++) {
            studio.advanceSeconds(1);
            studio.pass();
        }
    }

    @Test
    void anIdleNodeKeptForItsIdleTimeIsNotedOnceAndThenRemoved() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-a", CPU);
        studio.pass();
        studio.runner.exit("job-a", 0, 0);
        studio.pass();

        passes(60);

        assertThat(decisionCodes()).containsExactly(ScaleDecisions.CREATED, ScaleDecisions.SCALE_UP,
                ScaleDecisions.KEPT_IDLE_TIME);
        String nodeId = studio.nodes(CPU).get(0).id();
        assertThat(decisions().get(2).reason().english()).isEqualTo("keeping 1 idle node(s): the idle time before scale-down "
                + "(120 s) is not reached yet (" + nodeId + " idle for 0 s, goes in 120 s) unless a job takes it");

        passes(60);

        assertThat(decisionCodes()).containsExactly(ScaleDecisions.CREATED, ScaleDecisions.SCALE_UP,
                ScaleDecisions.KEPT_IDLE_TIME, ScaleDecisions.SCALE_DOWN);
        passes(30);
        assertThat(decisionCodes()).as("nothing left to explain: the log stops growing").hasSize(4);
    }

    @Test
    void idleNodesAtMinNodesAreNotedOnce() {
        studio.createCluster(CPU, dedicated(DS3, 1, 2));
        studio.pass();
        passes(300);

        assertThat(decisionCodes()).containsExactly(ScaleDecisions.CREATED, ScaleDecisions.SCALE_UP,
                ScaleDecisions.KEPT_MIN_NODES);
        assertThat(decisions().get(2).reason().english()).contains("min_instances is 1, so the cluster never goes below 1 node(s)");
    }

    @Test
    void jobsWaitingAtMaxNodesAreNotedOnce() {
        studio.createCluster(CPU, dedicated(DS3, 0, 1));
        studio.submit("job-a", CPU);
        studio.submit("job-b", CPU);
        studio.pass();
        passes(20);

        assertThat(decisionCodes()).containsExactly(ScaleDecisions.CREATED, ScaleDecisions.SCALE_UP,
                ScaleDecisions.AT_MAX_NODES);
        assertThat(decisions().get(2).reason().english()).isEqualTo("1 job(s) wait for nodes and none is added: the cluster "
                + "already has 1 node(s), its max_instances is 1; they start as nodes become free");
    }

    @Test
    void anIdleNodeKeptForAJobThatNeedsMoreNodesThanTheQuotaAllowsIsNoted() {
        studio.quota.setLimit(WS, "standardDSv2Family", 4);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.submit("big", CPU, 2);
        studio.pass();
        passes(10);

        assertThat(decisionCodes()).containsExactly(ScaleDecisions.CREATED, ScaleDecisions.SCALE_UP,
                ClusterError.QUOTA_EXCEEDED, ScaleDecisions.KEPT_FOR_WAITING_JOBS);
        assertThat(decisions().get(3).reason().english()).endsWith("for waiting jobs: job 'big' needs 2 node(s) at once");
    }

    @Test
    void underALockOnlyTheLockErrorSpeaks() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.submit("job-a", CPU);
        studio.pass();
        studio.runner.exit("job-a", 0, 0);
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);
        studio.pass();
        passes(200);

        assertThat(decisionCodes()).containsExactly(ScaleDecisions.CREATED, ScaleDecisions.SCALE_UP,
                ClusterError.SCOPE_LOCKED);
    }
}
