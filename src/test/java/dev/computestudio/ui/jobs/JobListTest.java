package dev.computestudio.ui.jobs;

import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** The job table over the real services and an H2 file, with a clock the test moves: what the engine did, shown in place, in the user's language. */
class JobListTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);

    @BeforeEach
    void openStudio() {
        studio = StudioFixture.onFile(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private JobList list(ZoneId zone) {
        JobList list = new JobList(studio.jobs, UiThreads.direct(), workspace, new Messages(language),
                new JobTimes(studio.clock, zone));
        list.reload();
        return list;
    }

    private static JobRow row(JobList list, String name) {
        return list.jobs().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void refreshShowsWhatTheEngineDidAndKeepsTheRowsAndTheSelection() {
        studio.submit("train-1", CPU);
        JobList list = list(ZoneOffset.UTC);
        list.select("train-1");
        JobRow row = list.jobs().get(0);

        studio.pass();
        studio.advanceSeconds(65);
        studio.submit("from-the-cli", CPU);
        list.refreshNow();

        assertThat(list.jobs()).extracting(JobRow::name).containsExactly("from-the-cli", "train-1");
        assertThat(list.jobs().get(1)).as("updated in place").isSameAs(row);
        assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row.attempt()).isEqualTo(1);
        assertThat(row.duration()).isEqualTo("1m 05s");
        assertThat(list.selectedJob()).isSameAs(row);

        studio.runner.exit("train-1", 0, 1);
        studio.pass();
        list.refreshNow();
        assertThat(row.status()).isEqualTo(JobStatus.FAILED);
        assertThat(row.error()).contains("exited with code 1");
    }

    @Test
    void aRowShowsWhatTheCloudsJobListShowsAndTheDetailsInFull() {
        studio.jobs.submit(WS, new JobSpec("bright-pear-x1", "Train ResNet", "vision", CPU, "python train.py", null,
                2, null, null, null));
        studio.submit("no-display-name", CPU);
        JobList list = list(ZoneOffset.UTC);

        JobRow named = row(list, "bright-pear-x1");
        assertThat(named.displayName()).isEqualTo("Train ResNet");
        assertThat(named.experiment()).isEqualTo("vision");
        JobRow unnamed = row(list, "no-display-name");
        assertThat(unnamed.displayName()).as("the name, as the cloud shows it").isEqualTo("no-display-name");
        assertThat(unnamed.experiment()).isEqualTo("Default");
        assertThat(named.duration()).as("queued: no duration").isEmpty();
        assertThat(named.exitCode()).isEmpty();
        assertThat(named.nodes()).isEmpty();

        studio.pass();
        studio.advanceSeconds(65);
        list.refreshNow();
        assertThat(named.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(named.nodes()).matches("tvm-\\S+, tvm-\\S+");
        assertThat(named.started()).isEqualTo("2026-03-02 09:00:00");
        assertThat(named.duration()).as("a running job's duration grows").isEqualTo("1m 05s");
        studio.advanceSeconds(10);
        list.refreshNow();
        assertThat(named.duration()).isEqualTo("1m 15s");

        studio.runner.exit("bright-pear-x1", 0, 3);
        studio.pass();
        studio.advanceSeconds(600);
        list.refreshNow();
        assertThat(named.status()).isEqualTo(JobStatus.FAILED);
        assertThat(named.exitCode()).isEqualTo("3");
        assertThat(named.duration()).as("start to end, however long ago it ended").isEqualTo("1m 15s");
        assertThat(named.ended()).isEqualTo("2026-03-02 09:01:15");
        assertThat(named.error()).as("in full").isEqualTo(studio.job("bright-pear-x1").error().english());
        assertThat(named.nodes()).as("the nodes it ran on stay").isNotEmpty();

        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(named.duration()).isEqualTo("1min 15s");
    }

    @Test
    void statusesAreNamedInTheUsersLanguage() {
        studio.submit("train-1", CPU);
        JobList list = list(ZoneOffset.UTC);
        JobRow row = list.jobs().get(0);
        assertThat(row.statusText()).isEqualTo("Queued");

        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(row.statusText()).isEqualTo("Na fila");

        studio.pass();
        list.refreshNow();
        assertThat(row.statusText()).isEqualTo("Em execução");

        studio.runner.exit("train-1", 0, 0);
        studio.pass();
        list.refreshNow();
        assertThat(row.statusText()).isEqualTo("Concluído");
    }

    @Test
    void creationTimesAreShownInTheUsersZone() {
        studio.submit("train-1", CPU);

        JobList list = list(ZoneId.of("America/Sao_Paulo"));

        assertThat(list.jobs().get(0).created()).isEqualTo("2026-03-02 06:00");
    }

    @Test
    void aJobQueuedBehindALockSaysSoFromTheEnginesNoteInTheUsersLanguage() {
        studio.locks.create(WS, "no-delete", LockLevel.CAN_NOT_DELETE, null);
        studio.submit("train-1", CPU);
        studio.pass();
        JobList list = list(ZoneOffset.UTC);
        JobRow row = list.jobs().get(0);

        assertThat(row.statusLine()).isEqualTo("Queued: lock");
        assertThat(row.waitingFor()).isEqualTo("lock");
        assertThat(row.waiting()).isEqualTo(studio.status(CPU).errors().get(0).message());
        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(row.statusLine()).isEqualTo("Na fila: bloqueio");
        assertThat(row.waiting()).startsWith("O dimensionamento está bloqueado");

        studio.locks.delete(WS, "no-delete");
        studio.pass();
        list.refreshNow();
        assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row.statusLine()).as("a running job waits for nothing").isEqualTo("Em execução");
        assertThat(row.waiting()).isEmpty();
    }

    @Test
    void aJobQueuedBehindQuotaSaysSoUntilTheLimitIsRaised() {
        studio.createCluster("gpu-cluster", dedicated(NC6, 0, 2));
        studio.submit("train-gpu", "gpu-cluster");
        studio.submit("train-cpu", CPU);
        JobList list = list(ZoneOffset.UTC);
        JobRow gpu = row(list, "train-gpu");
        assertThat(gpu.statusLine()).as("the engine has not looked yet").isEqualTo("Queued");

        studio.pass();
        list.refreshNow();
        assertThat(gpu.statusLine()).isEqualTo("Queued: quota");
        assertThat(gpu.waiting()).startsWith("Quota exceeded: 1 more Standard_NC6 node(s)");
        assertThat(row(list, "train-cpu").waiting()).as("another cluster's job runs").isEmpty();

        studio.quota.setLimit(WS, "standardNCFamily", 6);
        studio.pass();
        list.refreshNow();
        assertThat(gpu.statusLine()).isEqualTo("Running");
    }

    @Test
    void aJobQueuedBehindAFullClusterWaitsForMaxNodes() {
        studio.createCluster("one-node", dedicated(DS3, 0, 1));
        studio.submit("first", "one-node");
        studio.pass();
        studio.submit("second", "one-node");
        studio.pass();
        JobList list = list(ZoneOffset.UTC);

        assertThat(row(list, "second").statusLine()).isEqualTo("Queued: max nodes");
        assertThat(row(list, "second").waiting()).contains("its max_instances is 1");
        assertThat(row(list, "first").statusLine()).isEqualTo("Running");
    }

    @Test
    void aJobThatNeedsSeveralNodesAtOnceWaitsWhileOneFailsToStart() {
        studio.runner.failNodeStarts(1);
        studio.submit("two-nodes", CPU, 2);
        studio.pass();
        JobList list = list(ZoneOffset.UTC);
        JobRow row = list.jobs().get(0);

        assertThat(row.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(row.statusLine()).isEqualTo("Queued: nodes at once");
        assertThat(row.waiting()).contains("job 'two-nodes' needs 2 node(s) at once");
        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(row.statusLine()).isEqualTo("Na fila: nós ao mesmo tempo");
    }

    @Test
    void selectingNoneOrAnUnknownJobSelectsNothing() {
        studio.submit("train-1", CPU);
        JobList list = list(ZoneOffset.UTC);
        list.select("train-1");

        list.select("no-such-job");
        assertThat(list.selectedJob()).isNull();

        list.select("train-1");
        list.select(null);
        assertThat(list.selectedJob()).isNull();
    }
}
