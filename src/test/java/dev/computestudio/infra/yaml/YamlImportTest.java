package dev.computestudio.infra.yaml;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.port.JobBinding;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.service.ClusterFiles;
import dev.computestudio.service.SpecFiles;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Files into clusters and jobs through the real services over H2, as {@code create -f} and the
 * studio's "Import YAML..." do it: the service's own rules apply, with the file's lines in their messages.
 */
class YamlImportTest {


    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private SpecFiles files;
    private JobFiles jobFiles;

    private String localId(String identity) {
        return studio.stores.identities().find(StudioFixture.WS, identity).orElseThrow().resourceId();
    }

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        // The files name identities by cloud resource ids; the workspace has identities of those names.
        List.of("trainer-id", "reader-id", "my-id").forEach(studio::createIdentity);
        files = new SpecFiles(new YamlSpecCodec(new YamlEnvironmentTable(dataFolder)), studio.compute, studio.jobs);
        jobFiles = new JobFiles(dataFolder);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    private List<Problem> problemsOfCluster(String file) {
        try {
            files.importCluster(WS, YamlFiles.path("cluster/" + file));
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError(file + " was accepted");
    }

    // Clusters

    @Test
    void aClusterFileCreatesTheClusterItDescribes() {
        ClusterFiles.Imported imported = files.importCluster(WS, YamlFiles.path("cluster/full.yml"));

        ComputeCluster cluster = studio.compute.show(WS, "gpu-train");
        ClusterSpec spec = cluster.spec();
        assertThat(imported.cluster()).isEqualTo(cluster);
        assertThat(spec.size()).as("the catalog's spelling").isEqualTo("Standard_NC6");
        assertThat(spec.tier()).isEqualTo(VmTier.LOW_PRIORITY);
        assertThat(spec.minNodes()).isEqualTo(1);
        assertThat(spec.maxNodes()).isEqualTo(3);
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(spec.location()).isEqualTo("westeurope");
        assertThat(spec.description()).isEqualTo("Low-priority GPU nodes for the vision team");
        assertThat(spec.tags()).containsExactly(entry("team", "vision"), entry("cost-center", "4711"));
        assertThat(spec.ssh().publicAccessEnabled()).isTrue();
        assertThat(spec.ssh().adminUsername()).isEqualTo("azureuser");
        assertThat(spec.ssh().sshKeyValue()).startsWith("ssh-ed25519 AAAA");
        assertThat(spec.network()).isEqualTo(new NetworkSettings("ml-vnet", "training"));
        // The file's cloud ids name the workspace's identities of the same names, kept by their local ids.
        assertThat(spec.identity()).isEqualTo(ClusterIdentity.userAssigned(List.of(
                localId("trainer-id"), localId("reader-id"))));
        assertThat(imported.fileWarnings()).isEmpty();
        assertThat(imported.quotaWarnings()).as("18 low-priority vCPUs fit the regional quota").isEmpty();
    }

    @Test
    void aMinimalFileLandsInTheWorkspacesRegionWithTheDefaults() {
        files.importCluster(WS, YamlFiles.path("cluster/minimal.yml"));

        ClusterSpec spec = studio.compute.show(WS, "cpu-cluster").spec();
        assertThat(spec.size()).isEqualTo("Standard_DS3_v2");
        assertThat(spec.tier()).isEqualTo(VmTier.DEDICATED);
        assertThat(spec.minNodes()).isZero();
        assertThat(spec.maxNodes()).isEqualTo(4);
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(120));
        assertThat(spec.location()).isEqualTo(studio.workspaces.show(WS).location());
        assertThat(spec.ssh()).isEqualTo(SshSettings.DISABLED);
        assertThat(spec.identity()).isEqualTo(ClusterIdentity.NONE);
    }

    @Test
    void aSystemAssignedIdentityFromAFileGetsItsIds() {
        files.importCluster(WS, YamlFiles.path("cluster/lowpriority-spelling.yml"));

        ComputeCluster cluster = studio.compute.show(WS, "cheap-cpu");
        assertThat(cluster.spec().tier()).isEqualTo(VmTier.LOW_PRIORITY);
        assertThat(cluster.spec().ssh().adminPassword()).isEqualTo("correct-horse-battery");
        assertThat(cluster.systemIdentity()).isNotNull();
    }

    @Test
    void unknownKeysAreReportedAndTheClusterIsStillCreated() {
        ClusterFiles.Imported imported = files.importCluster(WS, YamlFiles.path("cluster/unknown-keys.yml"));

        assertThat(imported.fileWarnings()).extracting(Problem::field).containsExactly(
                "ssh_settings.admin_user_password", "enable_node_public_ip", "max_nodes", "max_instance", "colour");
        assertThat(studio.compute.show(WS, "typo-cluster").spec().maxNodes()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"computeinstance.yml", "kubernetes.yml", "virtualmachine.yml", "malformed.yml",
            "bad-values.yml", "rule-violations.yml", "missing-type.yml", "empty.yml", "not-a-mapping.yml",
            "two-documents.yml"})
    void nothingIsCreatedFromAnInvalidFile(String file) {
        assertThat(problemsOfCluster("invalid/" + file)).isNotEmpty();

        assertThat(studio.compute.list(WS)).isEmpty();
        assertThat(studio.events()).noneMatch(event -> "CREATED".equals(event.state()));
    }

    @Test
    void theServicesRulesComeBackWithTheLinesOfTheFile() {
        assertThat(problemsOfCluster("invalid/rule-violations.yml")).extracting(Problem::field, Problem::rule,
                Problem::message).containsExactly(
                tuple("name", "suffix", "rule-violations.yml, line 1: must not end with '-' followed by digits"),
                tuple("size", "catalog", "rule-violations.yml, line 3: 'Standard_XL_v9' is not a known VM size; "
                        + "list them with 'compute list-sizes'"),
                tuple("max_instances", "not-below-min", "rule-violations.yml, line 5: must not be below "
                        + "min_instances (2 < 3)"),
                tuple("ssh_settings", "credentials", "rule-violations.yml, line 7: give an admin password or an SSH "
                        + "public key when SSH is enabled"),
                tuple("identity.user_assigned_identities", "resource-id", "rule-violations.yml, line 11: "
                        + "'my-identity' is not a user-assigned identity resource id like /subscriptions/<uuid>/"
                        + "resourcegroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>"));
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThatThrownBy(() -> files.importCluster(WS, dataFolder.resolve("nope.yml")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nope.yml' does not exist");
    }

    @Test
    void anExportedClusterCreatesTheSameSpecAgain() throws IOException {
        files.importCluster(WS, YamlFiles.path("cluster/full.yml"));
        Path exported = dataFolder.resolve("exported.yml");
        files.exportCluster(WS, "gpu-train", exported);

        files.createCluster(WS, exported, Map.of("name", "gpu-train-copy"));

        assertThat(studio.compute.show(WS, "gpu-train-copy").spec()).isEqualTo(studio.compute.show(WS, "gpu-train").spec());
        assertThat(Files.readString(exported)).startsWith("$schema: https://azuremlschemas.azureedge.net/latest/"
                + "amlCompute.schema.json\nname: gpu-train\ntype: amlcompute\n");
    }

    @Test
    void attachedComputeHasNoClusterYaml() {
        studio.compute.attach(WS, "shared-vm", "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg"
                + "/providers/Microsoft.Compute/virtualMachines/vm1");

        assertThatThrownBy(() -> files.clusterYaml(WS, "shared-vm")).hasMessageContaining("is attached");
    }

    // Jobs

    @Test
    void aJobFileIsSubmittedWithACopyOfItsCodeAndReadOnlyInputs() throws IOException {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));

        Job job = files.createJob(WS, YamlFiles.path("job/full/job.yml"), Map.of()).job();

        assertThat(job.spec()).isEqualTo(studio.job("train-full").spec());
        assertThat(job.spec().image()).isEqualTo("python:3.11-slim");
        Path code = jobFiles.codeSnapshot(WS, "train-full");
        assertThat(code.resolve("train.sh")).hasSameTextualContentAs(YamlFiles.path("job/full/src/train.sh"));
        Path data = jobFiles.inputFolder(WS, "train-full", "training_data");
        assertThat(data.resolve("rows.csv")).hasContent("x,y\n1,2");
        assertThat(data.resolve("config.json")).exists();
        Path config = jobFiles.inputFolder(WS, "train-full", "config").resolve("config.json");
        assertThat(config).hasContent("{\"layers\": 3}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("r--------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("r-x------");
    }

    @Test
    void eachAttemptStartsInACopyOfTheCodeWithInputsAndOutputsSubstituted() {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        files.createJob(WS, YamlFiles.path("job/full/job.yml"), Map.of());

        studio.pass();
        studio.pass();

        List<JobLaunch> launches = studio.runner.launches();
        assertThat(launches).hasSize(2);
        JobLaunch launch = launches.get(0);
        Path work = jobFiles.workingDirectory(WS, "train-full", 1);
        assertThat(work.resolve("train.sh")).exists();
        Path inputs = jobFiles.jobFolder(WS, "train-full").resolve("inputs");
        Path outputs = jobFiles.jobFolder(WS, "train-full").resolve("outputs");
        assertThat(launch.commandWith(binding -> binding.hostFolder().toString())).isEqualTo(
                "sh train.sh --data " + inputs.resolve("training_data") + " --config " + inputs.resolve("config")
                        + "/config.json --epochs 10 --lr 0.01 --gpu false --greeting hello --model "
                        + outputs.resolve("model") + " --metrics " + outputs.resolve("metrics") + "/metrics");
        assertThat(launch.commandWith(binding -> "/mnt/azureml/" + binding.direction().key() + "/" + binding.name()))
                .contains("--data /mnt/azureml/inputs/training_data --config /mnt/azureml/inputs/config/config.json");
        assertThat(launch.environmentWith(binding -> binding.hostFolder().toString()))
                .containsEntry("AZURE_ML_INPUT_epochs", "10")
                .containsEntry("AZURE_ML_INPUT_training_data", inputs.resolve("training_data").toString())
                .containsEntry("AZURE_ML_OUTPUT_model", outputs.resolve("model").toString())
                .containsEntry("LOG_LEVEL", "debug");
        assertThat(launch.bindings()).extracting(JobBinding::reference, JobBinding::readOnly).contains(
                tuple("inputs.training_data", true), tuple("outputs.model", false));
        assertThat(outputs.resolve("model")).isDirectory();
        assertThat(studio.jobs.outputFolders(studio.job("train-full")))
                .containsExactly(entry("model", outputs.resolve("model")), entry("metrics", outputs.resolve("metrics")));
    }

    @Test
    void theServicesJobRulesComeBackWithLinesAndNothingIsSubmitted() {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        Path folder = YamlFiles.path("job/invalid");

        assertThatThrownBy(() -> files.createJob(WS, folder.resolve("missing-paths.yml"), Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::message).containsExactly(
                                tuple("limits.timeout", "missing-paths.yml, line 6: must be more than 0 seconds"),
                                tuple("code", "missing-paths.yml, line 3: '" + folder.resolve("no-such-folder")
                                        + "' is not a folder on this machine"),
                                tuple("inputs.data.path", "missing-paths.yml, line 10: '"
                                        + folder.resolve("no-such-data") + "' is not a folder on this machine")));
        assertThat(studio.jobs.list(WS)).isEmpty();
        assertThat(dataFolder.resolve("jobs")).doesNotExist();
    }

    @Test
    void aCommandNamingAnInputThatIsNotThereIsRefused() {
        // The command comes from --set here, so the problem has no line of the file to name.
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));

        assertThatThrownBy(() -> files.createJob(WS, YamlFiles.path("job/minimal.yml"),
                Map.of("command", "echo ${{inputs.missing}} ${{search_space.lr}}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::message).containsExactly(
                                "uses ${{inputs.missing}} but the job has no input named 'missing'",
                                "uses ${{search_space.lr}}; a command job can use "
                                        + "${{inputs.NAME}} and ${{outputs.NAME}} only"));
    }

    @Test
    void anExportedJobIsSubmittedAgainWithTheSameSpec() {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 2));
        files.createJob(WS, YamlFiles.path("job/full/job.yml"), Map.of());
        Path exported = dataFolder.resolve("job-exported.yml");
        writeString(exported, files.jobYaml(WS, "train-full"));

        Job again = files.createJob(WS, exported, Map.of("name", "train-full-again")).job();

        JobSpec original = studio.job("train-full").spec();
        assertThat(again.spec()).isEqualTo(original.withName("train-full-again"));
    }

    @Test
    void overridesChangeTheSubmittedJob() {
        studio.createCluster("cpu-cluster", StudioFixture.dedicated(StudioFixture.DS3, 0, 4));

        Job job = files.createJob(WS, YamlFiles.path("job/full/job.yml"), Map.of("resources.instance_count", "4",
                "inputs.epochs", "20", "name", "train-more")).job();

        assertThat(job.spec().instanceCount()).isEqualTo(4);
        assertThat(job.spec().inputs().get("epochs").value()).isEqualTo("20");
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
