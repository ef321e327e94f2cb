package dev.computestudio.ui.jobs;

import dev.computestudio.domain.JobFiles;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
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
import java.time.ZoneOffset;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;

/** The selected job's log, followed as the job writes it: the real services, H2 and log files. */
class JobLogPanelTest {

    private static final String CPU = "cpu-cluster";
    private static final String LOW = "lowpri-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private JobList list;
    private JobLogPanel log;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        Messages messages = new Messages(language);
        list = new JobList(studio.jobs, UiThreads.direct(), workspace, messages,
                new JobTimes(studio.clock, ZoneOffset.UTC));
        log = new JobLogPanel(studio.jobs, UiThreads.direct(), workspace, list.selectedJobProperty(), messages);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private void startAndSelect(String job, String cluster) {
        studio.submit(job, cluster);
        studio.pass();
        list.reload();
        list.select(job);
    }

    @Test
    void theSelectedJobsLogIsFollowedAcrossAPreemptionWithASeparator() throws IOException {
        startAndSelect("train-1", LOW);
        Path first = logFile("train-1", 1);
        write(first, "epoch 1\n");
        log.refreshNow();
        assertThat(log.text()).isEqualTo("epoch 1\n");

        write(first, "epoch 2 ");
        log.refreshNow();
        write(first, "done\n");
        log.refreshNow();
        assertThat(log.text()).isEqualTo("epoch 1\nepoch 2 done\n");

        studio.compute.preempt(WS, LOW, null);
        studio.advanceSeconds(1);
        studio.pass();
        assertThat(studio.job("train-1").attempt()).isEqualTo(2);
        write(logFile("train-1", 2), "epoch 1\n");
        log.refreshNow();

        assertThat(log.text()).isEqualTo("epoch 1\nepoch 2 done\n"
                + "──────── attempt 2 starts from the beginning ────────\n"
                + "epoch 1\n");
    }

    @Test
    void theSeparatorIsWrittenInTheUsersLanguage() throws IOException {
        startAndSelect("train-1", LOW);
        write(logFile("train-1", 1), "epoch 1\n");
        log.refreshNow();
        language.set(Locale.forLanguageTag("pt-BR"));

        studio.compute.preempt(WS, LOW, null);
        studio.advanceSeconds(1);
        studio.pass();
        write(logFile("train-1", 2), "epoch 1\n");
        log.refreshNow();

        assertThat(log.text())
                .isEqualTo("epoch 1\n──────── a tentativa 2 começa do início ────────\nepoch 1\n");
    }

    @Test
    void eachJobKeepsItsOwnLogWhenTheSelectionMoves() throws IOException {
        studio.submit("train-1", CPU);
        studio.submit("train-2", CPU);
        studio.pass();
        list.reload();
        write(logFile("train-1", 1), "one\n");
        write(logFile("train-2", 1), "two\n");

        list.select("train-1");
        assertThat(log.text()).isEqualTo("one\n");
        list.select("train-2");
        assertThat(log.text()).isEqualTo("two\n");

        write(logFile("train-1", 1), "one more\n");
        log.refreshNow();
        assertThat(log.text()).as("only the selected job's log is shown").isEqualTo("two\n");
        list.select("train-1");
        assertThat(log.text()).isEqualTo("one\none more\n");

        list.select(null);
        assertThat(log.text()).isEmpty();
    }

    @Test
    void aChattyJobsLogIsCappedToItsLatestOutput() throws IOException {
        startAndSelect("chatty", CPU);
        StringBuilder output = new StringBuilder();
        for (int line = 1; line <= 30_000; line++) {
            output.append("line ").append(line).append('\n');
        }
        write(logFile("chatty", 1), output.toString());

        for (int i = 0; i < 5; i++) {
            log.refreshNow();
        }

        assertThat(log.text().length()).isLessThanOrEqualTo(LogFollower.MAX_CHARS);
        assertThat(log.text()).startsWith("line ").endsWith("line 30000\n");
    }

    @Test
    void theTitleNamesTheFollowedJobInTheUsersLanguage() {
        assertThat(log.titleProperty().get()).isEqualTo("Select a job to follow its log");

        startAndSelect("train-1", CPU);
        assertThat(log.titleProperty().get()).isEqualTo("Log of train-1");

        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(log.titleProperty().get()).isEqualTo("Log de train-1");
    }

    private Path logFile(String job, int attempt) {
        return new JobFiles(dataFolder).logFile(WS, job, attempt, 0);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
