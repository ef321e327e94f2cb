package dev.computestudio.ui.jobs;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.testing.MutableClock;
import dev.computestudio.ui.common.Messages;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.T0;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;

/** How the Jobs screen shows creation times and durations. */
class JobTimesTest {

    private final MutableClock engineClock = new MutableClock(T0);
    private final JobTimes times = new JobTimes(engineClock, ZoneId.of("America/Sao_Paulo"));
    private final Job queued = Job.submitted("ws-demo", jobSpec("train-1", "cpu-cluster", 1, null), T0);

    @Test
    void aDurationIsShortForShortRunsAndLeavesOutSecondsForLongOnesInBothLanguages() {
        Messages english = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));
        assertThat(JobTimes.describe(Duration.ofSeconds(42), english)).isEqualTo("42s");
        assertThat(JobTimes.describe(Duration.ofSeconds(65), english)).isEqualTo("1m 05s");
        assertThat(JobTimes.describe(Duration.ofMinutes(124).plusSeconds(59), english)).isEqualTo("2h 04m");
        assertThat(JobTimes.describe(Duration.ofHours(1234), english)).as("no digit grouping").isEqualTo("1234h 00m");
        assertThat(JobTimes.describe(null, english)).as("not started").isEmpty();

        Messages portuguese = new Messages(new SimpleObjectProperty<>(Locale.forLanguageTag("pt-BR")));
        assertThat(JobTimes.describe(Duration.ofSeconds(42), portuguese)).isEqualTo("42s");
        assertThat(JobTimes.describe(Duration.ofSeconds(65), portuguese)).isEqualTo("1min 05s");
        assertThat(JobTimes.describe(Duration.ofMinutes(124), portuguese)).isEqualTo("2h 04min");
    }

    @Test
    void aJobRunsFromItsStartToItsEndOrElseToTheEnginesNow() {
        assertThat(times.duration(queued, times.now())).as("not started").isNull();

        Job running = new Job("ws-demo", queued.spec(), JobStatus.RUNNING, 1, T0, T0.plusSeconds(10), null, null,
                null, List.of("node-1"));
        engineClock.advanceSeconds(52);
        assertThat(times.duration(running, times.now())).hasSeconds(42);
        assertThat(times.duration(running, T0)).as("clocks a little apart").isZero();

        Job ended = new Job("ws-demo", queued.spec(), JobStatus.COMPLETED, 1, T0, T0.plusSeconds(10),
                T0.plusSeconds(20), 0, null, List.of("node-1"));
        engineClock.advanceSeconds(600);
        assertThat(times.duration(ended, times.now())).as("an ended job's duration stays").hasSeconds(10);
        assertThat(times.instant(ended.endedAt())).isEqualTo("2026-03-02 06:00:20");
        assertThat(times.instant(null)).isEmpty();
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
