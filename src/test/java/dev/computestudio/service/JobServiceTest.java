package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobServiceTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private JobService jobs;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        jobs = studio.jobs;
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aSubmittedJobIsQueuedAndNoted() {
        Job job = jobs.submit(WS, jobSpec("job-a", CPU, 1, Duration.ofMinutes(5)));

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.show(WS, "job-a")).isEqualTo(job);
        assertThat(jobs.list(WS)).extracting(Job::name).containsExactly("job-a");
        assertThat(studio.stores.events().forJob(WS, "job-a")).singleElement()
                .satisfies(e -> assertThat(e.reason().english()).isEqualTo("submitted"));
    }

    @Test
    void aBadJobIsRejectedWithEveryFieldAndNothingIsWritten() {
        JobSpec bad = new JobSpec("job-a", null, null, CPU, " ", null, 0, Map.of("2BAD", "x"), Duration.ZERO, null);

        assertThatThrownBy(() -> jobs.submit(WS, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("command", "resources.instance_count",
                                "environment_variables", "limits.timeout"));

        assertThat(jobs.list(WS)).isEmpty();
        assertThat(studio.events()).extracting(e -> e.state()).containsExactly("CREATED");
    }

    @Test
    void aJobForUnknownComputeOrWorkspaceIsNotFoundAndNothingIsWritten() {
        assertThatThrownBy(() -> jobs.submit(WS, jobSpec("job-a", "gpu-cluster", 1, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("compute 'gpu-cluster' was not found in workspace 'ws-demo'");
        assertThatThrownBy(() -> jobs.submit("ws-nowhere", jobSpec("job-a", CPU, 1, null)))
                .isInstanceOf(NotFoundException.class).hasMessage("workspace 'ws-nowhere' was not found");

        assertThat(jobs.list(WS)).isEmpty();
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertThatThrownBy(() -> jobs.show(WS, "job-x"))
                .isInstanceOf(NotFoundException.class).hasMessage("job 'job-x' was not found in workspace 'ws-demo'");
        assertThatThrownBy(() -> jobs.cancel(WS, "job-x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> jobs.list("ws-nowhere")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTakenJobNameIsAConflict() {
        jobs.submit(WS, jobSpec("job-a", CPU, 1, null));

        assertThatThrownBy(() -> jobs.submit(WS, jobSpec("job-a", CPU, 2, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a job named 'job-a'");
        assertThat(jobs.show(WS, "job-a").spec().instanceCount()).isEqualTo(1);
    }

    @Test
    void aJobWithoutANameGetsOneInTheCloudsStyle() {
        Job job = jobs.submit(WS, jobSpec("", CPU, 1, null));

        assertThat(job.name()).matches("[a-z]+_[a-z]+_[a-z0-9]{8}");
        assertThat(jobs.show(WS, job.name()).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void jobsCannotRunOnAttachedCompute() {
        studio.compute.attach(WS, "dsvm-first", "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333"
                + "/resourceGroups/rg-ml/providers/Microsoft.Compute/virtualMachines/dsvm-train");

        assertThatThrownBy(() -> jobs.submit(WS, jobSpec("job-a", "dsvm-first", 1, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("attached compute");
        assertThat(jobs.list(WS)).isEmpty();
    }

    @Test
    void submittingAndCancelingWakeTheEngine() {
        AtomicInteger wakeUps = new AtomicInteger();
        JobService waking = new JobService(studio.stores.workspaces(), studio.stores.clusters(), studio.stores.jobs(),
                studio.stores.events(), studio.stores.unitOfWork(), new JobFiles(dataFolder), new Random(1), studio.clock,
                wakeUps::incrementAndGet);

        waking.submit(WS, jobSpec("job-a", CPU, 1, null));
        waking.cancel(WS, "job-a");

        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void theLogIsReadInChunksFromTheCurrentAttempt() throws IOException {
        jobs.submit(WS, jobSpec("job-a", CPU, 1, null));
        studio.pass();
        Path log = new JobFiles(dataFolder).logFile(WS, "job-a", 1, 0);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "epoch 1\n", StandardCharsets.UTF_8);

        LogChunk first = jobs.readLog(WS, "job-a", 1, 0);
        Files.writeString(log, "epoch 1\nepoch 2 ✓\n", StandardCharsets.UTF_8);
        LogChunk next = jobs.readLog(WS, "job-a", 1, first.nextOffset());

        assertThat(first.attempt()).isEqualTo(1);
        assertThat(first.text()).isEqualTo("epoch 1\n");
        assertThat(next.text()).isEqualTo("epoch 2 ✓\n");
        assertThat(jobs.readLog(WS, "job-a", 1, next.nextOffset()).text()).isEmpty();
    }
}
