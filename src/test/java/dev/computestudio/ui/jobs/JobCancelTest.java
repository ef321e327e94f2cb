package dev.computestudio.ui.jobs;

import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
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
import java.time.ZoneOffset;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** Cancelling the selected job through the real services, with the engine's passes run by the test. */
class JobCancelTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private final ActionOutcome outcome = new ActionOutcome();
    private JobList list;
    private JobCancel cancel;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        Messages messages = new Messages(language);
        list = new JobList(studio.jobs, UiThreads.direct(), workspace, messages,
                new JobTimes(studio.clock, ZoneOffset.UTC));
        cancel = new JobCancel(studio.jobs, UiThreads.direct(), workspace, list, outcome, messages, list::reload);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private void show(String job) {
        list.reload();
        list.select(job);
    }

    @Test
    void aQueuedJobIsCanceledAtOnce() {
        assertThat(cancel.isDisabled()).as("nothing selected").isTrue();
        studio.submit("queued-job", CPU);
        show("queued-job");
        assertThat(cancel.isDisabled()).isFalse();
        assertThat(cancel.question()).isEqualTo("Cancel job queued-job?");

        cancel.cancel(list.selectedJob());

        assertThat(list.selectedJob().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(cancel.question()).as("nothing left to ask about").isNull();
        assertThat(outcome.textProperty().get()).isEqualTo("Job queued-job canceled.");
        assertThat(outcome.refusedProperty().get()).isFalse();
        assertThat(cancel.isDisabled()).isTrue();
    }

    @Test
    void aRunningJobIsAskedToStopAndTheEngineCancelsIt() {
        studio.submit("running-job", CPU);
        studio.pass();
        show("running-job");
        assertThat(list.selectedJob().status()).isEqualTo(JobStatus.RUNNING);

        cancel.cancel(list.selectedJob());

        assertThat(list.selectedJob().status()).isEqualTo(JobStatus.CANCEL_REQUESTED);
        assertThat(outcome.textProperty().get())
                .isEqualTo("Cancel requested for job running-job; the engine stops it.");
        assertThat(cancel.isDisabled()).as("already asked").isTrue();
        studio.pass();
        list.refreshNow();
        assertThat(list.selectedJob().status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void theQuestionNamesTheJobByItsDisplayNameAndItsName() {
        studio.jobs.submit(WS, new JobSpec("bright-pear-x1", "Train ResNet", null, CPU, "python train.py", null, 1,
                null, null, null));
        show("bright-pear-x1");

        assertThat(cancel.question()).isEqualTo("Cancel job Train ResNet (bright-pear-x1)?");
        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(cancel.question()).isEqualTo("Cancelar o trabalho Train ResNet (bright-pear-x1)?");
    }

    @Test
    void aJobThatEndedBeforeTheCancelArrivedSaysSoInTheUsersLanguage() {
        studio.submit("quick-job", CPU);
        studio.pass();
        show("quick-job");
        studio.runner.exit("quick-job", 0, 0);
        studio.pass();

        cancel.cancel(list.selectedJob());

        assertThat(outcome.textProperty().get())
                .isEqualTo("Could not cancel job quick-job: job 'quick-job' has already ended (Completed)");
        assertThat(outcome.refusedProperty().get()).isTrue();
        assertThat(list.selectedJob().status()).as("the refresh after the refusal shows why")
                .isEqualTo(JobStatus.COMPLETED);
        assertThat(cancel.isDisabled()).isTrue();

        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(outcome.textProperty().get()).startsWith("Não foi possível cancelar o trabalho quick-job: ");
    }
}
