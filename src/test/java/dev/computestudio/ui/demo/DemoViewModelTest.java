package dev.computestudio.ui.demo;

import dev.computestudio.app.AppContext;
import dev.computestudio.demo.DemoServices;
import dev.computestudio.demo.Focus;
import dev.computestudio.demo.ScenarioLibrary;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.ProcessNodeRunner;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Demos view-model without a toolkit: same-thread executors, the real engine at 20x over an H2 file. */
class DemoViewModelTest {

    @TempDir
    Path folder;
    private AppContext context;
    private DemoViewModel viewModel;
    private final List<String> screens = new ArrayList<>();
    private final List<String> workspaces = new ArrayList<>();
    private final List<Focus> focuses = new ArrayList<>();
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);

    @BeforeEach
    void open() {
        context = AppContext.over(folder, Database.openFile(folder), new ProcessNodeRunner(folder),
                Clock.systemUTC(), EngineSettings.defaults().withTick(Duration.ofMillis(100)), "demo view-model test");
        context.engine().start();
        DemoServices services = new DemoServices(context.workspaces(), context.compute(), context.jobs(),
                context.quota(), context.locks(), context.identities(), context.clock());
        viewModel = new DemoViewModel(() -> ScenarioLibrary.load(Path.of("assets", "demos")), services,
                UiThreads.direct(), Runnable::run, language, new Messages(language), new DemoViewModel.Studio() {
                    @Override
                    public void showScreen(String screenId) {
                        screens.add(screenId);
                    }

                    @Override
                    public void showWorkspace(String workspace) {
                        workspaces.add(workspace);
                    }

                    @Override
                    public void show(Focus focus) {
                        focuses.add(focus);
                    }
                }, Duration.ZERO);
        viewModel.setSpeed(20);
        viewModel.load();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void listsTheFiveScenariosWithTheirSummariesAndSelectsTheFirst() {
        assertThat(viewModel.scenarios()).extracting(ScenarioRow::id)
                .containsExactly("autoscale", "low-priority", "managed-identity", "quota", "resource-lock");
        assertThat(viewModel.scenarios()).allSatisfy(row -> assertThat(row.summary()).isNotBlank());
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo("autoscale");
        assertThat(viewModel.playDisabledProperty().get()).isFalse();
        assertThat(viewModel.cleanUpDisabledProperty().get()).isTrue();
    }

    @Test
    void playsTheQuotaScenarioToTheEndFollowingItsScreensThenCleansUp() {
        viewModel.selectedProperty().set(row("quota"));

        viewModel.play();

        assertThat(viewModel.finishedProperty().get()).isTrue();
        assertThat(viewModel.passedProperty().get()).as(viewModel.results().toString()).isTrue();
        assertThat(viewModel.stepNumberProperty().get()).isEqualTo(viewModel.stepCountProperty().get()).isEqualTo(9);
        assertThat(viewModel.narrationProperty().get()).isEqualTo("The job runs and completes.");
        assertThat(screens).containsSubsequence("workspaces", "quota", "compute", "jobs", "compute", "quota");
        assertThat(workspaces).containsExactly("demo-quota");
        assertThat(focuses).as("what each step talks about").containsSubsequence(
                new Focus(Focus.Kind.QUOTA, "demo-quota", "standardNCFamily", null),
                new Focus(Focus.Kind.CLUSTER, "demo-quota", "gpu-cluster", null),
                new Focus(Focus.Kind.JOB, "demo-quota", "train-gpu", null),
                new Focus(Focus.Kind.CLUSTER, "demo-quota", "gpu-cluster", null),
                new Focus(Focus.Kind.JOB, "demo-quota", "train-gpu", null));
        assertThat(viewModel.nextDisabledProperty().get()).isTrue();

        viewModel.cleanUp();

        assertThat(viewModel.activeProperty().get()).isFalse();
        assertThat(results()).contains("Removed workspace demo-quota");
        assertThat(context.workspaces().list()).isEmpty();
    }

    @Test
    void theLockStepsPointAtTheLockTheyPlaceAndRemove() {
        viewModel.selectedProperty().set(row("resource-lock"));

        viewModel.play();

        Focus lock = new Focus(Focus.Kind.LOCK, "demo-lock", "no-delete", null);
        assertThat(focuses).as("placed, then removed").containsSubsequence(lock, lock);
        viewModel.cleanUp();
    }

    @Test
    void nextRunsOneStepAndTheDemoClockStandsStillUntilTheNext() {
        viewModel.selectedProperty().set(row("resource-lock"));

        viewModel.next();

        assertThat(viewModel.stepNumberProperty().get()).isEqualTo(1);
        assertThat(viewModel.narrationProperty().get()).isEqualTo("A fresh workspace for this demo.");
        assertThat(results()).containsExactly("Workspace demo-lock created for this scenario");
        assertThat(viewModel.activeProperty().get()).isTrue();

        var before = context.clock().instant();
        assertThat(context.clock().instant()).isEqualTo(before);
        viewModel.next();
        assertThat(context.clock().instant()).as("the clock ran during the step, then stopped").isAfter(before);

        viewModel.cleanUp();
        assertThat(context.workspaces().list()).isEmpty();
    }

    @Test
    void titleNarrationAndResultsFollowTheLanguageToPortugueseAndBackWhileAScenarioIsLoaded() {
        viewModel.selectedProperty().set(row("resource-lock"));
        viewModel.next();
        viewModel.next();
        viewModel.next();

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(viewModel.titleProperty().get()).isEqualTo("Bloqueio de recurso - preso redimensionando 0 -> 0");
        assertThat(viewModel.narrationProperty().get()).startsWith("Alguém coloca um bloqueio CanNotDelete");
        assertThat(results()).containsExactly("Espaço de trabalho demo-lock criado para este cenário",
                "Cluster cpu-cluster criado: Standard_DS1_v2, Dedicada, de 0 a 1 nós, tempo ocioso 120 s",
                "Bloqueio no-delete do tipo Não excluir (CanNotDelete) aplicado ao grupo de recursos do espaço de trabalho");
        assertThat(viewModel.lastResultProperty().get()).startsWith("Bloqueio no-delete");
        assertThat(row("resource-lock").title()).isEqualTo("Bloqueio de recurso - preso redimensionando 0 -> 0");

        language.set(Locale.ENGLISH);

        assertThat(viewModel.titleProperty().get()).isEqualTo("Resource lock - stuck resizing 0 -> 0");
        assertThat(viewModel.narrationProperty().get()).startsWith("Someone puts a CanNotDelete lock");
        assertThat(results()).containsExactly("Workspace demo-lock created for this scenario",
                "Cluster cpu-cluster created: Standard_DS1_v2, Dedicated, 0 to 1 nodes, idle time 120 s",
                "Lock no-delete (CanNotDelete) placed on the workspace resource group");

        viewModel.cleanUp();
        assertThat(context.workspaces().list()).isEmpty();
    }

    /** The result lines as the studio shows them now. */
    private List<String> results() {
        return viewModel.results().stream().map(line -> viewModel.text(line).get()).toList();
    }

    private ScenarioRow row(String id) {
        return viewModel.scenarios().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
