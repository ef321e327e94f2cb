package dev.computestudio.engine;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.IllegalTransitionException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a job attempt ends besides its own exit: cancel, timeout, a failure to start. */
class JobLifecycleTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aQueuedJobIsCanceledAtOnceAndNeverScalesTheCluster() {
        studio.submit("job-a", CPU);

        Job canceled = studio.jobs.cancel(WS, "job-a");

        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.CANCELED);
        assertThat(studio.job("job-a").endedAt()).isEqualTo(StudioFixture.T0);
        studio.pass();
        assertThat(studio.status(CPU).currentNodeCount()).isZero();
        assertThat(studio.runner.launches()).isEmpty();
    }

    @Test
    void aRunningJobIsCancelRequestedThenCanceledOnTheNextPassWithItsRankStoppedAndItsNodeIdle() {
        studio.submit("job-a", CPU);
        studio.pass();
        String rank = studio.runner.handleOf("job-a", 0);

        Job requested = studio.jobs.cancel(WS, "job-a");
        assertThat(requested.status()).isEqualTo(JobStatus.CANCEL_REQUESTED);
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.CANCEL_REQUESTED);
        assertThat(studio.runner.stoppedJobHandles()).as("the service only asks").isEmpty();

        studio.advanceSeconds(1);
        studio.pass();

        Job canceled = studio.job("job-a");
        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(canceled.error().english()).isEqualTo("canceled by request");
        assertThat(studio.runner.stoppedJobHandles()).containsExactly(rank);
        Node node = studio.nodes(CPU).get(0);
        assertThat(node.state()).isEqualTo(NodeState.IDLE);
        assertThat(node.currentJob()).isNull();
        assertThat(studio.status(CPU).nodeStateCounts().idle()).isEqualTo(1);
    }

    @Test
    void cancelingTwiceKeepsTheRequestAndCancelingAnEndedJobIsRefused() {
        studio.submit("job-a", CPU);
        studio.pass();
        studio.jobs.cancel(WS, "job-a");

        assertThat(studio.jobs.cancel(WS, "job-a").status()).isEqualTo(JobStatus.CANCEL_REQUESTED);
        studio.pass();
        assertThatThrownBy(() -> studio.jobs.cancel(WS, "job-a"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already ended (Canceled)");
    }

    @Test
    void aJobFailsWhenItsTimeLimitPassesAndItsRankIsStopped() {
        studio.jobs.submit(WS, jobSpec("job-slow", CPU, 1, Duration.ofSeconds(10)));
        studio.pass();
        String rank = studio.runner.handleOf("job-slow", 0);

        studio.advanceSeconds(9);
        studio.pass();
        assertThat(studio.job("job-slow").status()).isEqualTo(JobStatus.RUNNING);

        studio.advanceSeconds(1);
        studio.pass();

        Job failed = studio.job("job-slow");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().english()).contains("time limit of 10 s");
        assertThat(studio.runner.stoppedJobHandles()).containsExactly(rank);
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE);
    }

    @Test
    void aRankExitArrivingAfterTheJobEndedChangesNothing() {
        studio.submit("job-a", CPU);
        studio.pass();
        studio.jobs.cancel(WS, "job-a");
        studio.pass(); // stops the rank; the fake then reports its exit (143), like a killed process

        studio.pass();

        Job canceled = studio.job("job-a");
        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(canceled.exitCode()).isNull();
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE);
    }

    @Test
    void anEndedJobCannotMoveAgain() {
        studio.submit("job-a", CPU);
        studio.pass();
        studio.runner.exit("job-a", 0, 0);
        studio.pass();
        Job completed = studio.job("job-a");

        assertThatThrownBy(() -> completed.requeued(Message.of("reason.job.preempted"), studio.clock.instant()))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("job job-a cannot move from COMPLETED to QUEUED");
        assertThatThrownBy(() -> completed.moveTo(JobStatus.CANCEL_REQUESTED, studio.clock.instant()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> studio.jobs.cancel(WS, "job-a")).isInstanceOf(ConflictException.class);
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aJobWhoseRankCannotStartFailsWithTheReasonAndStopsTheRanksAlreadyStarted() {
        studio.runner.failJobStarts(launch -> launch.rank() == 1);
        studio.submit("job-gang", CPU, 2);

        studio.pass();

        Job failed = studio.job("job-gang");
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().english()).startsWith("the job could not start:").contains("could not be pulled");
        assertThat(studio.runner.stoppedJobHandles()).containsExactly("rank-job-gang-1-0");
        assertThat(studio.nodeStates(CPU)).containsExactly(NodeState.IDLE, NodeState.IDLE);

        studio.runner.failJobStarts(launch -> false);
        studio.submit("job-next", CPU);
        studio.pass();
        assertThat(studio.job("job-next").status()).isEqualTo(JobStatus.RUNNING);
    }
}
