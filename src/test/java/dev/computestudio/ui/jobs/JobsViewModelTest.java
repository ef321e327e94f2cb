package dev.computestudio.ui.jobs;

import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.ScaledClock;
import dev.computestudio.testing.MutableClock;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.T0;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jobs screen as a whole over the real services and H2, with no toolkit: how its form, table,
 * log and cancel work together, and which clock its durations run on.
 */
class JobsViewModelTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private JobsViewModel screen(Clock engineClock) {
        return new JobsViewModel(studio.jobs, studio.compute, UiThreads.direct(), workspace, new Messages(language),
                engineClock, ZoneOffset.UTC);
    }

    private static void fillForm(JobsViewModel screen, String name, String command, int instances) {
        screen.form().computeNameProperty().set(CPU);
        screen.form().nameProperty().set(name);
        screen.form().commandProperty().set(command);
        screen.form().instanceCountProperty().set(instances);
    }

    @Test
    void aSubmittedJobAppearsInTheTableSelectedAndTheFormIsReadyForTheNext() {
        JobsViewModel screen = screen(studio.clock);
        fillForm(screen, "train-1", "python train.py", 2);
        screen.form().environmentVariablesProperty().set("EPOCHS=3");
        screen.form().timeoutSecondsProperty().set("600");

        screen.form().submit();

        assertThat(screen.list().jobs()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("train-1");
            assertThat(row.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(row.statusText()).isEqualTo("Queued");
            assertThat(row.compute()).isEqualTo(CPU);
            assertThat(row.instanceCount()).isEqualTo(2);
            assertThat(row.attempt()).isZero();
            assertThat(row.created()).isEqualTo("2026-03-02 09:00");
            assertThat(row.duration()).isEmpty();
            assertThat(row.error()).isEmpty();
        });
        assertThat(screen.list().selectedJob().name()).isEqualTo("train-1");
        assertThat(screen.log().titleProperty().get()).isEqualTo("Log of train-1");
        assertThat(screen.message()).isEqualTo("Job train-1 submitted to cpu-cluster.");
        assertThat(screen.isMessageError()).isFalse();
        assertThat(screen.cancel().isDisabled()).isFalse();
        assertThat(screen.form().nameProperty().get()).as("a name is used once").isEmpty();
        assertThat(screen.form().commandProperty().get()).isEqualTo("python train.py");
        assertThat(studio.job("train-1").spec().environmentVariables()).containsEntry("EPOCHS", "3");
        assertThat(studio.job("train-1").spec().timeout()).hasSeconds(600);
    }

    @Test
    void anotherWorkspaceShowsItsOwnJobsAndForgetsTheLastOutcome() {
        JobsViewModel screen = screen(studio.clock);
        fillForm(screen, "train-1", "python train.py", 1);
        screen.form().submit();
        studio.workspaces.create("ws-other", null, null);

        workspace.set("ws-other");

        assertThat(screen.list().jobs()).isEmpty();
        assertThat(screen.list().selectedJob()).isNull();
        assertThat(screen.log().text()).isEmpty();
        assertThat(screen.log().titleProperty().get()).isEqualTo("Select a job to follow its log");
        assertThat(screen.form().computeNames()).isEmpty();
        assertThat(screen.form().computeNameProperty().get()).isNull();
        assertThat(screen.message()).isEmpty();

        workspace.set(WS);

        assertThat(screen.list().jobs()).extracting(JobRow::name).containsExactly("train-1");
        assertThat(screen.form().computeNames()).containsExactly(CPU);
    }

    @Test
    void aRunningJobsDurationRunsOnTheInjectedClockNotTheWallClock() {
        studio.submit("train-1", CPU);
        studio.pass();
        // The screen's own clock, 30 s past the engine's start of the job and far from the wall clock.
        MutableClock engineClock = new MutableClock(T0.plusSeconds(30));
        JobsViewModel screen = screen(engineClock);

        assertThat(screen.list().jobs()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(row.duration()).isEqualTo("30s");
        });

        engineClock.advanceSeconds(95);
        screen.refresh();

        assertThat(screen.list().jobs().get(0).duration()).isEqualTo("2m 05s");
    }

    @Test
    void inADemoAt20xARunningJobsDurationIsInDemoTime() {
        ScaledClock demoClock = new ScaledClock(studio.clock);
        studio.submit("train-1", CPU);
        studio.pass();
        JobsViewModel screen = screen(demoClock);
        demoClock.setSpeed(20);

        studio.advanceSeconds(3);
        screen.refresh();

        assertThat(screen.list().jobs().get(0).duration()).as("3 real seconds at 20x").isEqualTo("1m 00s");
    }
}
