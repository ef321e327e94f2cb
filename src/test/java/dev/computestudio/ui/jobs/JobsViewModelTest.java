package dev.computestudio.ui.jobs;

import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Problem;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.jobs.JobsViewModel.Field;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;

/** The Jobs screen's state and commands, over the real services and H2, with no toolkit. */
class JobsViewModelTest {

    private static final String CPU = "cpu-cluster";
    private static final String LOW = "lowpri-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private JobsViewModel jobs;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        jobs = new JobsViewModel(studio.jobs, studio.compute, UiThreads.direct(), workspace,
                new Messages(language), studio.clock);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    // The form

    @Test
    void offersTheWorkspacesClustersAndPicksTheFirst() {
        assertThat(jobs.computeNames()).containsExactly(CPU, LOW);
        assertThat(jobs.computeNameProperty().get()).isEqualTo(CPU);
        assertThat(jobs.instanceCountProperty().get()).isEqualTo(1);
    }

    @Test
    void submitIsDisabledUntilACommandIsGiven() {
        assertThat(jobs.isSubmitDisabled()).isTrue();

        jobs.commandProperty().set("echo hi");
        assertThat(jobs.isSubmitDisabled()).isFalse();

        jobs.computeNameProperty().set(null);
        assertThat(jobs.isSubmitDisabled()).as("no compute chosen").isTrue();
        assertThat(jobs.fieldError(Field.COMPUTE)).as("a missing field is required, not wrong").isNull();
    }

    @Test
    void environmentVariablesAreCheckedLineByLineAsTheUserTypes() {
        jobs.commandProperty().set("echo hi");

        jobs.environmentVariablesProperty().set("EPOCHS=3\n\nlearning rate");
        assertThat(jobs.fieldError(Field.ENVIRONMENT)).isEqualTo("Line 3: write KEY=VALUE.");
        assertThat(jobs.isSubmitDisabled()).isTrue();

        jobs.environmentVariablesProperty().set("EPOCHS=3\n1ST=yes");
        assertThat(jobs.fieldError(Field.ENVIRONMENT))
                .isEqualTo("Line 2: 1ST is not a variable name (letters, digits and _, not starting with a digit).");

        jobs.environmentVariablesProperty().set("EPOCHS=3\n# a comment\nEPOCHS=4");
        assertThat(jobs.fieldError(Field.ENVIRONMENT)).isEqualTo("Line 3: EPOCHS is already set on line 1.");

        jobs.environmentVariablesProperty().set("EPOCHS=3\nLR=0.01=high");
        assertThat(jobs.fieldError(Field.ENVIRONMENT)).isNull();
        assertThat(jobs.isSubmitDisabled()).isFalse();
    }

    @Test
    void timeoutNameAndImageFollowTheServicesRulesAsTheUserTypes() {
        jobs.commandProperty().set("echo hi");

        jobs.timeoutSecondsProperty().set("an hour");
        jobs.nameProperty().set("my job!");
        jobs.imageProperty().set("-python");
        assertThat(jobs.fieldError(Field.TIMEOUT)).isEqualTo("Write whole seconds, e.g. 3600, or leave it empty for no limit.");
        assertThat(jobs.fieldError(Field.NAME)).startsWith("Use 1 to 255 letters, digits");
        assertThat(jobs.fieldError(Field.IMAGE)).isEqualTo("Not an image name like python:3.11-slim.");
        assertThat(jobs.isSubmitDisabled()).isTrue();

        jobs.timeoutSecondsProperty().set("0");
        assertThat(jobs.fieldError(Field.TIMEOUT)).isEqualTo("Must be more than 0 seconds.");

        jobs.timeoutSecondsProperty().set("3600");
        jobs.nameProperty().set("my-job");
        jobs.imageProperty().set("python:3.11-slim");
        assertThat(jobs.fieldError(Field.TIMEOUT)).isNull();
        assertThat(jobs.fieldError(Field.NAME)).isNull();
        assertThat(jobs.fieldError(Field.IMAGE)).isNull();
        assertThat(jobs.isSubmitDisabled()).isFalse();
    }

    @Test
    void fieldErrorsFollowTheLanguage() {
        jobs.environmentVariablesProperty().set("no pair");
        jobs.instanceCountProperty().set(null);

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(jobs.fieldError(Field.ENVIRONMENT)).isEqualTo("Linha 1: escreva CHAVE=VALOR.");
        assertThat(jobs.fieldError(Field.INSTANCE_COUNT)).isEqualTo("Deve ser 1 ou mais.");
    }

    @Test
    void problemsTheServiceFindsAreShownAtTheFieldsTheyNameUntilTheFieldIsEdited() {
        jobs.commandProperty().set("echo hi");

        jobs.showProblems(List.of(
                new Problem("environment_variables", "variable-name", "'1X' is not a variable name"),
                new Problem("resources.instance_count", "at-least-one", "must be 1 or more (it is 0)"),
                new Problem("command", "required", "a command to run is required"),
                new Problem("inputs.data", "unsupported", "inputs are not supported")));

        assertThat(jobs.fieldError(Field.ENVIRONMENT)).isEqualTo("'1X' is not a variable name");
        assertThat(jobs.fieldError(Field.INSTANCE_COUNT)).isEqualTo("must be 1 or more (it is 0)");
        assertThat(jobs.fieldError(Field.COMMAND)).isEqualTo("a command to run is required");
        assertThat(jobs.submitError()).isEqualTo("inputs.data: inputs are not supported");
        assertThat(jobs.isSubmitDisabled()).isTrue();

        jobs.environmentVariablesProperty().set("X1=3");
        jobs.commandProperty().set("echo again");
        jobs.instanceCountProperty().set(2);

        assertThat(jobs.fieldError(Field.ENVIRONMENT)).isNull();
        assertThat(jobs.fieldError(Field.COMMAND)).isNull();
        assertThat(jobs.fieldError(Field.INSTANCE_COUNT)).isNull();
        assertThat(jobs.isSubmitDisabled()).isFalse();
    }

    @Test
    void aComputeDeletedAfterItWasChosenIsReportedByTheService() {
        jobs.commandProperty().set("echo hi");
        jobs.computeNameProperty().set(LOW);
        studio.compute.delete(WS, LOW);

        jobs.submit();

        assertThat(jobs.submitError()).isEqualTo("compute '" + LOW + "' was not found in workspace '" + WS + "'");
        assertThat(jobs.jobs()).isEmpty();
        assertThat(jobs.submittingProperty().get()).isFalse();
    }

    // The table

    @Test
    void aSubmittedJobAppearsInTheTableSelectedAndTheFormIsReadyForTheNext() {
        fillForm("train-1", "python train.py", 2);
        jobs.environmentVariablesProperty().set("EPOCHS=3");
        jobs.timeoutSecondsProperty().set("600");

        jobs.submit();

        assertThat(jobs.jobs()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("train-1");
            assertThat(row.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(row.compute()).isEqualTo(CPU);
            assertThat(row.instanceCount()).isEqualTo(2);
            assertThat(row.attempt()).isZero();
            assertThat(row.created()).isEqualTo("2026-03-02 09:00");
            assertThat(row.duration()).isEmpty();
            assertThat(row.error()).isEmpty();
        });
        assertThat(jobs.selectedJob().name()).isEqualTo("train-1");
        assertThat(jobs.message()).isEqualTo("Job train-1 submitted to cpu-cluster.");
        assertThat(jobs.isMessageError()).isFalse();
        assertThat(jobs.nameProperty().get()).as("a name is used once").isEmpty();
        assertThat(jobs.commandProperty().get()).isEqualTo("python train.py");
        assertThat(studio.job("train-1").spec().environmentVariables()).containsEntry("EPOCHS", "3");
        assertThat(studio.job("train-1").spec().timeout()).hasSeconds(600);
    }

    @Test
    void aJobWithoutANameGetsOneFromTheService() {
        jobs.commandProperty().set("echo hi");

        jobs.submit();

        assertThat(jobs.jobs()).singleElement().satisfies(row -> assertThat(row.name()).isNotBlank());
    }

    @Test
    void refreshShowsWhatTheEngineDidAndKeepsTheRowsAndTheSelection() {
        fillForm("train-1", "python train.py", 1);
        jobs.submit();
        JobRow row = jobs.jobs().get(0);

        studio.pass();
        studio.advanceSeconds(65);
        studio.submit("from-the-cli", CPU);
        jobs.refresh();

        assertThat(jobs.jobs()).extracting(JobRow::name).containsExactly("from-the-cli", "train-1");
        assertThat(jobs.jobs().get(1)).as("updated in place").isSameAs(row);
        assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row.attempt()).isEqualTo(1);
        assertThat(row.duration()).isEqualTo("1 min 05 s");
        assertThat(jobs.selectedJob()).isSameAs(row);

        studio.runner.exit("train-1", 0, 1);
        studio.pass();
        jobs.refresh();
        assertThat(row.status()).isEqualTo(JobStatus.FAILED);
        assertThat(row.error()).contains("exited with code 1");
    }

    @Test
    void anotherWorkspaceShowsItsOwnJobs() {
        fillForm("train-1", "python train.py", 1);
        jobs.submit();
        studio.workspaces.create("ws-other", null, null);

        workspace.set("ws-other");

        assertThat(jobs.jobs()).isEmpty();
        assertThat(jobs.selectedJob()).isNull();
        assertThat(jobs.logText()).isEmpty();
        assertThat(jobs.computeNames()).isEmpty();
        assertThat(jobs.computeNameProperty().get()).isNull();
    }

    // The log

    @Test
    void theSelectedJobsLogIsFollowedAcrossAPreemptionWithASeparator() throws IOException {
        fillForm("train-1", "python train.py", 1);
        jobs.computeNameProperty().set(LOW);
        jobs.submit();
        studio.pass();
        Path first = logFile("train-1", 1);
        write(first, "epoch 1\n");
        jobs.refresh();
        assertThat(jobs.logText()).isEqualTo("epoch 1\n");

        write(first, "epoch 2 ");
        jobs.refresh();
        write(first, "done\n");
        jobs.refresh();
        assertThat(jobs.logText()).isEqualTo("epoch 1\nepoch 2 done\n");

        studio.compute.preempt(WS, LOW, null);
        studio.advanceSeconds(1);
        studio.pass();
        assertThat(studio.job("train-1").attempt()).isEqualTo(2);
        write(logFile("train-1", 2), "epoch 1\n");
        jobs.refresh();

        assertThat(jobs.logText()).isEqualTo("epoch 1\nepoch 2 done\n"
                + "──────── attempt 2 starts from the beginning ────────\n"
                + "epoch 1\n");
        assertThat(jobs.selectedJob().attempt()).isEqualTo(2);
    }

    @Test
    void eachJobKeepsItsOwnLogWhenTheSelectionMoves() throws IOException {
        fillForm("train-1", "echo one", 1);
        jobs.submit();
        fillForm("train-2", "echo two", 1);
        jobs.submit();
        studio.pass();
        write(logFile("train-1", 1), "one\n");
        write(logFile("train-2", 1), "two\n");

        jobs.selectJob("train-1");
        assertThat(jobs.logText()).isEqualTo("one\n");
        jobs.selectJob("train-2");
        assertThat(jobs.logText()).isEqualTo("two\n");

        write(logFile("train-1", 1), "one more\n");
        jobs.refresh();
        assertThat(jobs.logText()).as("only the selected job's log is shown").isEqualTo("two\n");
        jobs.selectJob("train-1");
        assertThat(jobs.logText()).isEqualTo("one\none more\n");

        jobs.selectJob(null);
        assertThat(jobs.logText()).isEmpty();
    }

    @Test
    void aChattyJobsLogIsCappedToItsLatestOutput() throws IOException {
        fillForm("chatty", "yes", 1);
        jobs.submit();
        studio.pass();
        StringBuilder output = new StringBuilder();
        for (int line = 1; line <= 30_000; line++) {
            output.append("line ").append(line).append('\n');
        }
        write(logFile("chatty", 1), output.toString());

        for (int i = 0; i < 5; i++) {
            jobs.refresh();
        }

        assertThat(jobs.logText().length()).isLessThanOrEqualTo(LogFollower.MAX_CHARS);
        assertThat(jobs.logText()).startsWith("line ").endsWith("line 30000\n");
    }

    // Cancel

    @Test
    void cancelIsOfferedOnlyForAJobThatHasNotEnded() {
        assertThat(jobs.isCancelDisabled()).as("nothing selected").isTrue();
        fillForm("queued-job", "sleep 60", 1);
        jobs.submit();
        assertThat(jobs.isCancelDisabled()).isFalse();

        jobs.cancelSelected();

        assertThat(jobs.selectedJob().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(jobs.message()).isEqualTo("Job queued-job canceled.");
        assertThat(jobs.isCancelDisabled()).isTrue();
    }

    @Test
    void aRunningJobIsAskedToStopAndTheEngineCancelsIt() {
        fillForm("running-job", "sleep 60", 1);
        jobs.submit();
        studio.pass();
        jobs.refresh();
        assertThat(jobs.selectedJob().status()).isEqualTo(JobStatus.RUNNING);

        jobs.cancelSelected();

        assertThat(jobs.selectedJob().status()).isEqualTo(JobStatus.CANCEL_REQUESTED);
        assertThat(jobs.message()).isEqualTo("Cancel requested for job running-job; the engine stops it.");
        assertThat(jobs.isCancelDisabled()).as("already asked").isTrue();
        studio.pass();
        jobs.refresh();
        assertThat(jobs.selectedJob().status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void aJobThatEndedBeforeTheCancelArrivedSaysSo() {
        fillForm("quick-job", "true", 1);
        jobs.submit();
        studio.pass();
        jobs.refresh();
        studio.runner.exit("quick-job", 0, 0);
        studio.pass();

        jobs.cancelSelected();

        assertThat(jobs.message()).isEqualTo("Could not cancel job quick-job: job 'quick-job' has already ended (Completed)");
        assertThat(jobs.isMessageError()).isTrue();
        assertThat(jobs.selectedJob().status()).as("the refresh after the failure shows why").isEqualTo(JobStatus.COMPLETED);
        assertThat(jobs.isCancelDisabled()).isTrue();
    }

    private void fillForm(String name, String command, int instances) {
        jobs.computeNameProperty().set(CPU);
        jobs.nameProperty().set(name);
        jobs.commandProperty().set(command);
        jobs.instanceCountProperty().set(instances);
    }

    private Path logFile(String job, int attempt) {
        return new JobFiles(dataFolder).logFile(WS, job, attempt, 0);
    }

    private static void write(Path log, String text) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
