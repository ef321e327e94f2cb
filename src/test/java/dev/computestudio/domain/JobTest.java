package dev.computestudio.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static JobSpec spec(String name) {
        return new JobSpec(name, null, null, "cpu-cluster", "echo hi", null, 1, Map.of(), null, null);
    }

    @Test
    void aSubmittedJobIsQueuedWithNoAttemptYet() {
        Job job = Job.submitted("ws1", spec("job1"), T0);

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempt()).isZero();
        assertThat(job.spec().experimentName()).isEqualTo("Default");
    }

    @Test
    void placementStartsAnAttemptAndAPreemptionRequeuesForTheNext() {
        Job running = Job.submitted("ws1", spec("job1"), T0)
                .placedOn(List.of("tvm-1_1"), T0.plusSeconds(1))
                .moveTo(JobStatus.RUNNING, T0.plusSeconds(2));
        Job requeued = running.requeued(Message.of("reason.job.preempted"), T0.plusSeconds(3));
        Job secondAttempt = requeued.placedOn(List.of("tvm-1_2"), T0.plusSeconds(4));

        assertThat(running.attempt()).isEqualTo(1);
        assertThat(requeued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(requeued.nodeIds()).isEmpty();
        assertThat(requeued.error().english()).startsWith("PreemptionError");
        assertThat(secondAttempt.attempt()).isEqualTo(2);
        assertThat(secondAttempt.error()).isNull();
        assertThat(secondAttempt.nodeIds()).containsExactly("tvm-1_2");
    }

    @Test
    void finishingRecordsExitCodeAndEndTime() {
        Job done = Job.submitted("ws1", spec("job1"), T0)
                .placedOn(List.of("n"), T0)
                .moveTo(JobStatus.RUNNING, T0)
                .finished(JobStatus.FAILED, 3, Message.of("reason.job.command-failed", 3, "tvm-1_1"), T0.plusSeconds(9));

        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(done.endedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(done.status().isFinal()).isTrue();
    }

    @Test
    void illegalMovesAreRejected() {
        Job completed = Job.submitted("ws1", spec("job1"), T0)
                .placedOn(List.of("n"), T0)
                .moveTo(JobStatus.RUNNING, T0)
                .finished(JobStatus.COMPLETED, 0, null, T0);

        assertThatThrownBy(() -> completed.moveTo(JobStatus.RUNNING, T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("job job1 cannot move from COMPLETED to RUNNING");
        assertThatThrownBy(() -> Job.submitted("ws1", spec("job2"), T0).moveTo(JobStatus.COMPLETED, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @ParameterizedTest
    @EnumSource(value = JobStatus.class, names = {"COMPLETED", "FAILED", "CANCELED"})
    void finalStatusesAllowNoMove(JobStatus end) {
        for (JobStatus next : JobStatus.values()) {
            assertThat(end.canMoveTo(next)).as(end + " -> " + next).isFalse();
        }
        assertThat(end.isFinal()).isTrue();
    }

    @Test
    void everyStatusHasARuleAndNonFinalOnesCanBeCanceled() {
        for (JobStatus status : JobStatus.values()) {
            if (!status.isFinal() && status != JobStatus.FINALIZING) {
                assertThat(status.canMoveTo(JobStatus.CANCEL_REQUESTED) || status.canMoveTo(JobStatus.CANCELED))
                        .as(status + " can be canceled").isTrue();
            }
        }
    }

    @Test
    void statusNamesAreTheClouds() {
        assertThat(JobStatus.CANCEL_REQUESTED.restName()).isEqualTo("CancelRequested");
        assertThat(JobStatus.fromRestName("notresponding")).isEqualTo(JobStatus.NOT_RESPONDING);
    }

    @Test
    void specValidationNamesEachField() {
        JobSpec bad = new JobSpec("bad name!", null, null, " ", "", "bad image", 0, Map.of("1X", "v"),
                Duration.ZERO, null);

        assertThat(bad.check()).extracting(p -> p.field() + "/" + p.rule()).containsExactly(
                "name/job-name", "compute/required", "command/required", "resources.instance_count/at-least-one",
                "environment_variables/variable-name", "limits.timeout/positive", "environment/image-name");
        assertThat(spec("job1").check()).isEmpty();
    }
}
