package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static dev.computestudio.testing.StudioFixture.T0;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;

/** How the Jobs screen shows creation times and durations. */
class JobTimesTest {

    private final MutableClock engineClock = new MutableClock(T0);
    private final JobTimes times = new JobTimes(engineClock, ZoneId.of("America/Sao_Paulo"));
    private final Job queued = Job.submitted("ws-demo", jobSpec("train-1", "cpu-cluster", 1, null), T0);

    @Test
    void aDurationIsShortForShortRunsAndLeavesOutSecondsForLongOnes() {
        assertThat(JobTimes.describe(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(JobTimes.describe(Duration.ofSeconds(185))).isEqualTo("3 min 05 s");
        assertThat(JobTimes.describe(Duration.ofMinutes(124).plusSeconds(59))).isEqualTo("2 h 04 min");
        assertThat(JobTimes.describe(Duration.ofSeconds(-3))).as("clocks a little apart").isEqualTo("0 s");
    }

    @Test
    void aJobRunsFromItsStartToItsEndOrElseToTheEnginesNow() {
        assertThat(times.duration(queued, times.now())).as("not started").isEmpty();

        Job running = new Job("ws-demo", queued.spec(), JobStatus.RUNNING, 1, T0, T0.plusSeconds(10), null, null,
                null, List.of("node-1"));
        engineClock.advanceSeconds(52);
        assertThat(times.duration(running, times.now())).isEqualTo("42 s");

        Job ended = new Job("ws-demo", queued.spec(), JobStatus.COMPLETED, 1, T0, T0.plusSeconds(10),
                T0.plusSeconds(20), 0, null, List.of("node-1"));
        engineClock.advanceSeconds(600);
        assertThat(times.duration(ended, times.now())).as("an ended job's duration stays").isEqualTo("10 s");
    }

    @Test
    void creationIsShownInTheUsersZone() {
        assertThat(times.created(queued)).isEqualTo("2026-03-02 06:00");
    }

    @Test
    void nowIsTheEnginesClock() {
        engineClock.advanceSeconds(90);

        assertThat(times.now()).isEqualTo(T0.plusSeconds(90));
    }
}
