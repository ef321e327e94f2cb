package dev.computestudio.ui.jobs;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** The job table over the real services and H2: what the engine did, shown in place, in the user's language. */
class JobListTest {

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

    private JobList list(ZoneId zone) {
        JobList list = new JobList(studio.jobs, UiThreads.direct(), workspace, new Messages(language),
                new JobTimes(studio.clock, zone));
        list.reload();
        return list;
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
        assertThat(row.duration()).isEqualTo("1 min 05 s");
        assertThat(list.selectedJob()).isSameAs(row);

        studio.runner.exit("train-1", 0, 1);
        studio.pass();
        list.refreshNow();
        assertThat(row.status()).isEqualTo(JobStatus.FAILED);
        assertThat(row.error()).contains("exited with code 1");
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
