package dev.computestudio.ui.wizard;

import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.Subscriptions;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.wizard.CreationTracker.Phase;
import dev.computestudio.ui.wizard.CreationTracker.Polling;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating a cluster and following it to its minimum nodes, over the real services, with no toolkit. */
class CreationTrackerTest {

    @TempDir
    Path dataFolder;

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    /** Looks scheduled "one interval later"; the test runs them when it wants. */
    private final Queue<Runnable> laterLooks = new ArrayDeque<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private StudioFixture studio;
    private CreationTracker tracker;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        tracker = new CreationTracker(WS, studio.compute, new ServiceCalls(UiThreads.direct()),
                new Polling(laterLooks::add, studio.clock, Duration.ofSeconds(60)),
                new WizardTexts(new Messages(language), new Subscriptions()));
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aRefusalGoesBackByCodeAndCreationIsEditableAgain() {
        studio.createCluster("cpu-cluster", dedicated(DS3, 0, 1));

        tracker.create("CPU-cluster", dedicated(DS3, 0, 2), refusals::add);

        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
            assertThat(refusal.hasCode("conflict.compute.name-taken")).isTrue();
            assertThat(refusal.concerns("name")).isTrue();
        });
        assertThat(tracker.phaseProperty().get()).isEqualTo(Phase.EDITING);
        assertThat(tracker.statusTextProperty().get()).isEmpty();
        assertThat(tracker.createdClusterProperty().get()).isNull();
    }

    @Test
    void waitingForTheMinimumNodesIsToldInTheUsersLanguage() {
        tracker.create("warm-cluster", dedicated(DS3, 2, 4), refusals::add);
        assertThat(tracker.workingProperty().get()).isTrue();

        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(tracker.statusTextProperty().get())
                .isEqualTo("O cluster 'warm-cluster' foi criado; aguardando o mínimo de nós: 0 de 2…");

        studio.pass();
        runLooks();

        assertThat(tracker.phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(tracker.statusTextProperty().get()).isEqualTo("O cluster 'warm-cluster' está pronto com 2 nós.");
        assertThat(refusals).isEmpty();
    }

    @Test
    void aClusterGoneBeforeItsNodesCameSaysSoAndStopsWaiting() {
        tracker.create("warm-cluster", dedicated(DS3, 1, 4), refusals::add);
        studio.compute.delete(WS, "warm-cluster");

        runLooks();

        assertThat(tracker.phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(tracker.statusTextProperty().get()).isEqualTo("Cluster 'warm-cluster' was created.");
        assertThat(tracker.errorTextProperty().get()).isEqualTo("Cluster 'warm-cluster' was created, but reading it "
                + "again failed: compute 'warm-cluster' was not found in workspace 'ws-demo'");
        assertThat(laterLooks).isEmpty();
    }

    @Test
    void closingStopsLookingAndTheClusterStays() {
        tracker.create("warm-cluster", dedicated(DS3, 1, 4), refusals::add);

        tracker.close();
        studio.pass();
        runLooks();

        assertThat(tracker.phaseProperty().get()).isEqualTo(Phase.WAITING_FOR_NODES);
        assertThat(tracker.createdClusterProperty().get().status().currentNodeCount()).as("as first created").isZero();
        assertThat(studio.compute.list(WS)).hasSize(1);
    }

    private void runLooks() {
        List<Runnable> due = new ArrayList<>(laterLooks);
        laterLooks.clear();
        due.forEach(Runnable::run);
    }
}
