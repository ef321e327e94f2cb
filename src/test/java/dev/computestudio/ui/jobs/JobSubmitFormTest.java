package dev.computestudio.ui.jobs;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.jobs.JobSubmitForm.Field;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The submit form's checks as the user types and the service's answer, over the real services and H2. */
class JobSubmitFormTest {

    private static final String CPU = "cpu-cluster";
    private static final String LOW = "lowpri-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private final List<Job> submitted = new ArrayList<>();
    private JobSubmitForm form;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        form = new JobSubmitForm(studio.jobs, studio.compute, UiThreads.direct(), workspace, new Messages(language),
                submitted::add);
        form.reload();
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void offersTheWorkspacesClustersAndPicksTheFirst() {
        assertThat(form.computeNames()).containsExactly(CPU, LOW);
        assertThat(form.computeNameProperty().get()).isEqualTo(CPU);
        assertThat(form.instanceCountProperty().get()).isEqualTo(1);
        assertThat(form.computePromptProperty().get()).isEqualTo("Choose a compute cluster");
    }

    @Test
    void aWorkspaceWithoutClustersSaysSoInTheUsersLanguage() {
        studio.workspaces.create("ws-empty", null, null);

        workspace.set("ws-empty");
        form.reload();
        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(form.computeNames()).isEmpty();
        assertThat(form.computeNameProperty().get()).isNull();
        assertThat(form.computePromptProperty().get())
                .isEqualTo("Ainda não há cluster de computação neste espaço de trabalho");
    }

    @Test
    void submitIsDisabledUntilACommandIsGiven() {
        assertThat(form.isSubmitDisabled()).isTrue();

        form.commandProperty().set("echo hi");
        assertThat(form.isSubmitDisabled()).isFalse();

        form.computeNameProperty().set(null);
        assertThat(form.isSubmitDisabled()).as("no compute chosen").isTrue();
        assertThat(form.fieldError(Field.COMPUTE)).as("a missing field is required, not wrong").isNull();

        form.computeNameProperty().set(CPU);
        workspace.set(null);
        assertThat(form.isSubmitDisabled()).as("no workspace").isTrue();
    }

    @Test
    void environmentVariablesAreCheckedLineByLineAsTheUserTypes() {
        form.commandProperty().set("echo hi");

        form.environmentVariablesProperty().set("EPOCHS=3\n\nlearning rate");
        assertThat(form.fieldError(Field.ENVIRONMENT)).isEqualTo("Line 3: write KEY=VALUE.");
        assertThat(form.isSubmitDisabled()).isTrue();

        form.environmentVariablesProperty().set("EPOCHS=3\n1ST=yes");
        assertThat(form.fieldError(Field.ENVIRONMENT))
                .isEqualTo("Line 2: 1ST is not a variable name (letters, digits and _, not starting with a digit).");

        form.environmentVariablesProperty().set("EPOCHS=3\n# a comment\nEPOCHS=4");
        assertThat(form.fieldError(Field.ENVIRONMENT)).isEqualTo("Line 3: EPOCHS is already set on line 1.");

        form.environmentVariablesProperty().set("EPOCHS=3\nLR=0.01=high");
        assertThat(form.fieldError(Field.ENVIRONMENT)).isNull();
        assertThat(form.isSubmitDisabled()).isFalse();
    }

    @Test
    void timeoutNameAndImageFollowTheServicesRulesAsTheUserTypes() {
        form.commandProperty().set("echo hi");

        form.timeoutSecondsProperty().set("an hour");
        form.nameProperty().set("my job!");
        form.imageProperty().set("-python");
        assertThat(form.fieldError(Field.TIMEOUT))
                .isEqualTo("Write whole seconds, e.g. 3600, or leave it empty for no limit.");
        assertThat(form.fieldError(Field.NAME)).startsWith("Use 1 to 255 letters, digits");
        assertThat(form.fieldError(Field.IMAGE)).isEqualTo("Not an image name like python:3.11-slim.");
        assertThat(form.isSubmitDisabled()).isTrue();

        form.timeoutSecondsProperty().set("0");
        assertThat(form.fieldError(Field.TIMEOUT)).isEqualTo("Must be more than 0 seconds.");

        form.timeoutSecondsProperty().set("3600");
        form.nameProperty().set("my-job");
        form.imageProperty().set("python:3.11-slim");
        assertThat(form.fieldError(Field.TIMEOUT)).isNull();
        assertThat(form.fieldError(Field.NAME)).isNull();
        assertThat(form.fieldError(Field.IMAGE)).isNull();
        assertThat(form.isSubmitDisabled()).isFalse();
    }

    @Test
    void fieldErrorsFollowTheLanguage() {
        form.environmentVariablesProperty().set("no pair");
        form.instanceCountProperty().set(null);

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(form.fieldError(Field.ENVIRONMENT)).isEqualTo("Linha 1: escreva CHAVE=VALOR.");
        assertThat(form.fieldError(Field.INSTANCE_COUNT)).isEqualTo("Deve ser 1 ou mais.");
    }

    @Test
    void problemsTheServiceFindsAreShownAtTheFieldsTheyNameUntilTheFieldIsEdited() {
        form.commandProperty().set("echo hi");
        JobSpec refused = new JobSpec("train-1", null, null, CPU, "", null, 0, Map.of("1X", "3"), null,
                "x".repeat(5001));

        form.show(new Refusal(Refusal.Kind.INVALID, refused.check()));

        assertThat(form.fieldError(Field.ENVIRONMENT))
                .isEqualTo("'1X' is not a variable name: letters, digits and '_', not starting with a digit");
        assertThat(form.fieldError(Field.INSTANCE_COUNT)).isEqualTo("must be 1 or more (it is 0)");
        assertThat(form.fieldError(Field.COMMAND)).isEqualTo("a command to run is required");
        assertThat(form.submitError()).isEqualTo("description: must be at most 5000 characters (it has 5001)");
        assertThat(form.isSubmitDisabled()).isTrue();

        form.environmentVariablesProperty().set("X1=3");
        form.commandProperty().set("echo again");
        form.instanceCountProperty().set(2);

        assertThat(form.fieldError(Field.ENVIRONMENT)).isNull();
        assertThat(form.fieldError(Field.COMMAND)).isNull();
        assertThat(form.fieldError(Field.INSTANCE_COUNT)).isNull();
        assertThat(form.isSubmitDisabled()).isFalse();
    }

    @Test
    void aRefusalWhollyAtFieldsAsksToFixThem() {
        form.commandProperty().set("echo hi");

        form.show(new Refusal(Refusal.Kind.INVALID,
                new JobSpec("train-1", null, null, CPU, "echo hi", null, 0, Map.of(), null, null).check()));

        assertThat(form.fieldError(Field.INSTANCE_COUNT)).isEqualTo("must be 1 or more (it is 0)");
        assertThat(form.submitError()).isEqualTo("Fix the marked fields and submit again.");
        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(form.submitError()).isEqualTo("Corrija os campos marcados e envie de novo.");
    }

    @Test
    void aSubmitQueuesTheJobAndClearsItsName() {
        form.nameProperty().set("train-1");
        form.commandProperty().set("python train.py");
        form.environmentVariablesProperty().set("EPOCHS=3");

        form.submit();

        assertThat(submitted).extracting(Job::name).containsExactly("train-1");
        assertThat(studio.job("train-1").spec().environmentVariables()).containsEntry("EPOCHS", "3");
        assertThat(form.nameProperty().get()).isEmpty();
        assertThat(form.commandProperty().get()).isEqualTo("python train.py");
        assertThat(form.submittingProperty().get()).isFalse();
        assertThat(form.submitError()).isNull();
    }

    @Test
    void aJobWithoutANameGetsOneFromTheService() {
        form.commandProperty().set("echo hi");

        form.submit();

        assertThat(submitted).singleElement().satisfies(job -> assertThat(job.name()).isNotBlank());
    }

    @Test
    void aComputeDeletedAfterItWasChosenIsReportedWhereTheServiceSaysItBelongs() {
        form.commandProperty().set("echo hi");
        form.computeNameProperty().set(LOW);
        studio.compute.delete(WS, LOW);
        NotFoundException gone = catchThrowableOfType(NotFoundException.class,
                () -> studio.jobs.submit(WS, StudioFixture.jobSpec("probe", LOW, 1, null)));

        form.submit();

        String reported = Field.ofProblem(gone.field()).map(form::fieldError).orElseGet(form::submitError);
        assertThat(reported).isEqualTo("compute '" + LOW + "' was not found in workspace '" + WS + "'");
        assertThat(submitted).isEmpty();
        assertThat(form.submittingProperty().get()).isFalse();
    }

    @Test
    void aTakenJobNameIsReportedWhereTheServiceSaysItBelongs() {
        studio.submit("train-1", CPU);
        ConflictException taken = catchThrowableOfType(ConflictException.class, () -> studio.submit("train-1", CPU));
        form.nameProperty().set("train-1");
        form.commandProperty().set("echo hi");

        form.submit();

        String reported = Field.ofProblem(taken.field()).map(form::fieldError).orElseGet(form::submitError);
        assertThat(reported).isEqualTo("workspace '" + WS + "' already has a job named 'train-1'");
        assertThat(submitted).isEmpty();

        form.nameProperty().set("train-2");
        assertThat(form.fieldError(Field.NAME)).isNull();
    }
}
