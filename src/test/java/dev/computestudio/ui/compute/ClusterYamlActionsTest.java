package dev.computestudio.ui.compute;

import dev.computestudio.infra.yaml.YamlEnvironmentTable;
import dev.computestudio.infra.yaml.YamlFiles;
import dev.computestudio.infra.yaml.YamlSpecCodec;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** "Import YAML...", a dropped .yml and "Export YAML" on the compute screen, without a toolkit. */
class ClusterYamlActionsTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private final Messages messages = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));
    /** Background work waits here until the test runs it, as it would wait for a worker thread. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private ComputeViewModel compute;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        List.of("trainer-id", "reader-id", "my-id").forEach(studio::createIdentity);
        SpecFiles files = new SpecFiles(new YamlSpecCodec(new YamlEnvironmentTable(dataFolder)), studio.compute,
                studio.jobs);
        compute = new ComputeViewModel(studio.compute, files, new UiThreads(background::add, Runnable::run), workspace,
                messages, name -> { }, () -> { }, ZoneOffset.UTC);
        runBackground();
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void anImportedFileCreatesTheClusterOffTheFxThreadAndSelectsIt() {
        assertThat(compute.yaml().importDisabledProperty().get()).isFalse();

        compute.yaml().importFile(YamlFiles.path("cluster/full.yml"));

        assertThat(studio.compute.list(WS)).as("nothing read on the FX thread").isEmpty();
        assertThat(compute.feedbackText()).isEqualTo("Reading full.yml…");
        assertThat(compute.yaml().importDisabledProperty().get()).as("one import at a time").isTrue();
        runBackground();
        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.SUCCESS);
        assertThat(compute.feedbackText()).isEqualTo("Created “gpu-train” from full.yml.");
        assertThat(compute.clusters()).extracting(ClusterRow::name).containsExactly("gpu-train");
        assertThat(compute.selected().name()).isEqualTo("gpu-train");
        assertThat(compute.details().name()).isEqualTo("gpu-train");
        assertThat(compute.yaml().importDisabledProperty().get()).isFalse();
    }

    @Test
    void warningsAreShownWithTheirLines() {
        compute.yaml().importFiles(List.of(YamlFiles.path("cluster/unknown-keys.yml")));
        runBackground();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.INFO);
        assertThat(compute.feedbackText()).startsWith("Created “typo-cluster” from unknown-keys.yml, with warnings:\n")
                .contains("unknown-keys.yml, line 4: unknown key 'max_nodes' ignored; did you mean 'max_instances'?");
    }

    @Test
    void theProblemsOfAnInvalidFileAreShownAndNothingIsCreated() {
        compute.yaml().importFile(YamlFiles.path("cluster/invalid/computeinstance.yml"));
        runBackground();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.ERROR);
        assertThat(compute.feedbackText()).isEqualTo("type: computeinstance.yml, line 3: compute of type "
                + "'computeinstance' is not supported: this studio emulates Azure ML compute clusters only (type: "
                + "amlcompute); existing compute can be attached by resource id with 'compute attach'");
        assertThat(studio.compute.list(WS)).isEmpty();

        compute.yaml().importFile(YamlFiles.path("cluster/invalid/malformed.yml"));
        runBackground();
        assertThat(compute.feedbackText()).isEqualTo("file: malformed.yml, line 4, column 16: not valid YAML: "
                + "mapping values are not allowed here");
    }

    @Test
    void aDroppedFileThatIsNotYamlIsRefusedAtOnce() {
        compute.yaml().importFiles(List.of(Path.of("/tmp/notes.txt")));

        assertThat(background).isEmpty();
        assertThat(compute.feedbackText()).isEqualTo("notes.txt is not a .yml or .yaml file.");
        assertThat(ClusterYamlActions.isYamlFile(Path.of("a/cluster.YAML"))).isTrue();
        assertThat(ClusterYamlActions.isYamlFile(Path.of("a/cluster.json"))).isFalse();
    }

    @Test
    void theSelectedClusterIsExportedAsYamlThatImportsAgain() throws Exception {
        studio.createCluster("cpu-cluster", dedicated(DS3, 1, 3));
        compute.refresh();
        runBackground();
        assertThat(compute.yaml().exportDisabledProperty().get()).as("nothing selected").isTrue();
        compute.select("cpu-cluster");
        runBackground();
        Path file = dataFolder.resolve(compute.yaml().suggestedFileName());

        compute.yaml().exportSelected(file);
        runBackground();

        assertThat(compute.feedbackText()).isEqualTo("Saved “cpu-cluster” as " + file + ".");
        assertThat(Files.readString(file)).contains("name: cpu-cluster", "min_instances: 1", "max_instances: 3");
        assertThat(file.getFileName().toString()).isEqualTo("cpu-cluster.yml");
    }

    @Test
    void withoutAWorkspaceOrFilesNothingCanBeImported() {
        workspace.set(null);
        assertThat(compute.yaml().importDisabledProperty().get()).isTrue();

        ComputeViewModel withoutFiles = new ComputeViewModel(studio.compute, UiThreads.direct(),
                new SimpleStringProperty(WS), messages, name -> { }, () -> { }, ZoneOffset.UTC);
        assertThat(withoutFiles.yaml().importDisabledProperty().get()).isTrue();
        assertThat(withoutFiles.yaml().exportDisabledProperty().get()).isTrue();
    }
}
