package dev.computestudio.infra.yaml;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.JobInput;
import dev.computestudio.domain.JobOutput;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.NetworkSettings;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.SshSettings;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.port.SpecCodec.ClusterDocument;
import dev.computestudio.domain.port.SpecCodec.JobDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Reading and writing the v2 YAML files under src/test/resources/yaml, without a database. */
class YamlSpecCodecTest {

    private static final String TRAINER = "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-ml"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/trainer-id";
    private static final String READER = "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-ml"
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/reader-id";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkq8N3mJ3t9c7m6v1B2aF0b0e7xYw2QmP1sL9zTq4cR"
            + " ana@laptop";

    @TempDir
    Path dataFolder;
    private YamlEnvironmentTable environments;
    private YamlSpecCodec codec;

    @BeforeEach
    void openCodec() {
        environments = new YamlEnvironmentTable(dataFolder);
        codec = new YamlSpecCodec(environments);
    }

    private ClusterDocument cluster(String file) {
        return cluster(file, Map.of());
    }

    private ClusterDocument cluster(String file, Map<String, String> overrides) {
        return codec.readCluster(YamlFiles.text("cluster/" + file), file, overrides);
    }

    private JobDocument job(String file) {
        return job(file, Map.of());
    }

    private JobDocument job(String file, Map<String, String> overrides) {
        Path path = YamlFiles.path("job/" + file);
        return codec.readJob(YamlFiles.text("job/" + file), path.getFileName().toString(), path.getParent(), overrides);
    }

    private List<Problem> problemsOfCluster(String file) {
        try {
            cluster(file);
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError(file + " was accepted");
    }

    private List<Problem> problemsOfJob(String file) {
        try {
            job(file);
        } catch (ValidationException e) {
            return e.problems();
        }
        throw new AssertionError(file + " was accepted");
    }

    // Clusters

    @Test
    void readsEveryClusterKey() {
        ClusterDocument document = cluster("full.yml");
        ClusterSpec spec = document.spec();

        assertThat(document.name()).isEqualTo("gpu-train");
        assertThat(spec.size()).as("as written; the service normalizes it").isEqualTo("standard_nc6");
        assertThat(spec.tier()).isEqualTo(VmTier.LOW_PRIORITY);
        assertThat(spec.minNodes()).isEqualTo(1);
        assertThat(spec.maxNodes()).isEqualTo(3);
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(spec.location()).isEqualTo("westeurope");
        assertThat(spec.description()).isEqualTo("Low-priority GPU nodes for the vision team");
        assertThat(spec.tags()).containsExactly(entry("team", "vision"), entry("cost-center", "4711"));
        assertThat(spec.ssh()).isEqualTo(new SshSettings(true, "azureuser", null, KEY));
        assertThat(spec.network()).isEqualTo(new NetworkSettings("ml-vnet", "training"));
        assertThat(spec.identity()).isEqualTo(ClusterIdentity.userAssigned(List.of(TRAINER, READER)));
        assertThat(document.warnings()).isEmpty();
        assertThat(document.lines().of("max_instances")).hasValue(8);
        assertThat(document.lines().of("ssh_settings.admin_username")).hasValue(17);
    }

    @Test
    void aFileWithNameAndTypeOnlyTakesTheDefaults() {
        ClusterDocument document = cluster("minimal.yml");

        assertThat(document.name()).isEqualTo("cpu-cluster");
        assertThat(document.spec()).isEqualTo(ClusterSpec.defaults("Standard_DS3_v2"));
        assertThat(document.spec().maxNodes()).as("the SDK's default, as the CLI's").isEqualTo(4);
        assertThat(document.spec().idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void readsTheV1LowPrioritySpellingASystemIdentityAndAPassword() {
        ClusterSpec spec = cluster("lowpriority-spelling.yml").spec();

        assertThat(spec.size()).isEqualTo("Standard_D2_v2");
        assertThat(spec.tier()).isEqualTo(VmTier.LOW_PRIORITY);
        assertThat(spec.minNodes()).isZero();
        assertThat(spec.maxNodes()).isEqualTo(2);
        assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(spec.ssh()).isEqualTo(new SshSettings(false, "azureuser", "correct-horse-battery", null));
        assertThat(spec.identity()).isEqualTo(ClusterIdentity.SYSTEM_ASSIGNED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"low_priority", "lowpriority", "LowPriority", "Low_Priority"})
    void everySpellingOfLowPriorityIsAccepted(String spelling) {
        assertThat(cluster("minimal.yml", Map.of("tier", spelling)).spec().tier()).isEqualTo(VmTier.LOW_PRIORITY);
    }

    @Test
    void readsTheShapeOfAzuresOwnExample() {
        ClusterDocument document = cluster("azure-docs-example.yml");

        assertThat(document.name()).isEqualTo("basic-example");
        assertThat(document.spec().size()).isEqualTo("STANDARD_DS3_v2");
        assertThat(document.spec().maxNodes()).isEqualTo(2);
        assertThat(document.spec().identity().type()).isEqualTo(IdentityType.USER_ASSIGNED);
        assertThat(document.spec().identity().userAssignedIdentityIds()).singleElement().asString()
                .endsWith("/userAssignedIdentities/my-id");
    }

    @Test
    void unknownKeysAreWarningsWithTheirLineAndTheKeyMeant() {
        ClusterDocument document = cluster("unknown-keys.yml");

        assertThat(document.warnings()).extracting(Problem::field, Problem::rule, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ssh_settings.admin_user_password", "unknown-key",
                        "unknown-keys.yml, line 10: unknown key 'ssh_settings.admin_user_password' ignored; "
                                + "did you mean 'admin_password'?"),
                org.assertj.core.groups.Tuple.tuple("enable_node_public_ip", "ignored-key",
                        "unknown-keys.yml, line 7: 'enable_node_public_ip' changes nothing on one machine (nodes "
                                + "have no public address); ignored"),
                org.assertj.core.groups.Tuple.tuple("max_nodes", "unknown-key",
                        "unknown-keys.yml, line 4: unknown key 'max_nodes' ignored; did you mean 'max_instances'?"),
                org.assertj.core.groups.Tuple.tuple("max_instance", "unknown-key",
                        "unknown-keys.yml, line 5: unknown key 'max_instance' ignored; did you mean 'max_instances'?"),
                org.assertj.core.groups.Tuple.tuple("colour", "unknown-key",
                        "unknown-keys.yml, line 6: unknown key 'colour' ignored"));
        assertThat(document.spec().maxNodes()).as("unknown keys change nothing").isEqualTo(4);
        assertThat(document.spec().ssh().adminPassword()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"computeinstance.yml, computeinstance, 3", "kubernetes.yml, kubernetes, 2",
            "virtualmachine.yml, virtualmachine, 2"})
    void otherComputeTypesAreRefusedSayingWhatIsSupported(String file, String type, int line) {
        assertThat(problemsOfCluster("invalid/" + file)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("type");
            assertThat(problem.rule()).isEqualTo("compute-type");
            assertThat(problem.message()).isEqualTo("invalid/" + file + ", line " + line + ": compute of type '"
                    + type + "' is not supported: this studio emulates Azure ML compute clusters only "
                    + "(type: amlcompute); existing compute can be attached by resource id with 'compute attach'");
        });
    }

    @Test
    void malformedYamlNamesTheLineAndColumn() {
        assertThat(problemsOfCluster("invalid/malformed.yml")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("file");
            assertThat(problem.rule()).isEqualTo("yaml-syntax");
            assertThat(problem.message()).isEqualTo("invalid/malformed.yml, line 4, column 16: not valid YAML: "
                    + "mapping values are not allowed here");
        });
    }

    @Test
    void everyWrongValueIsReportedAtOnceWithItsLine() {
        assertThat(problemsOfCluster("invalid/bad-values.yml")).extracting(Problem::field, Problem::rule,
                Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tier", "tier",
                        "invalid/bad-values.yml, line 3: 'premium' is not a tier; use dedicated or low_priority"),
                org.assertj.core.groups.Tuple.tuple("min_instances", "integer",
                        "invalid/bad-values.yml, line 4: must be a whole number, not 'one'"),
                org.assertj.core.groups.Tuple.tuple("max_instances", "integer",
                        "invalid/bad-values.yml, line 5: must be a whole number, not '2.5'"),
                org.assertj.core.groups.Tuple.tuple("idle_time_before_scale_down", "single-value",
                        "invalid/bad-values.yml, line 6: must be a single value, not a list"),
                org.assertj.core.groups.Tuple.tuple("ssh_public_access_enabled", "boolean",
                        "invalid/bad-values.yml, line 7: must be true or false, not 'maybe'"),
                org.assertj.core.groups.Tuple.tuple("identity.type", "identity-type",
                        "invalid/bad-values.yml, line 9: 'both' is not an identity type; use system_assigned, "
                                + "user_assigned or none (a cluster has one system-assigned identity or user-assigned "
                                + "ones, not both)"));
    }

    @Test
    void aMissingTypeIsRequired() {
        assertThat(problemsOfCluster("invalid/missing-type.yml")).extracting(Problem::field, Problem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("type", "required"));
    }

    @Test
    void anEmptyFileAListAndTwoDocumentsAreRefused() {
        assertThat(problemsOfCluster("invalid/empty.yml")).singleElement().extracting(Problem::message).asString()
                .isEqualTo("invalid/empty.yml is empty; an amlcompute file needs at least 'name' and 'type: amlcompute'");
        assertThat(problemsOfCluster("invalid/not-a-mapping.yml")).singleElement().extracting(Problem::message)
                .asString().isEqualTo("invalid/not-a-mapping.yml, line 1: the file must be a mapping of keys to "
                        + "values, not a list");
        assertThat(problemsOfCluster("invalid/two-documents.yml")).singleElement().extracting(Problem::message)
                .asString().startsWith("invalid/two-documents.yml, line 4: a second YAML document starts here");
    }

    @Test
    void overridesWinOverTheFileAndCreateMissingKeys() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("max_instances", "4");
        overrides.put("name", "renamed");
        overrides.put("ssh_settings.admin_username", "ops");
        overrides.put("tags.owner", "ana");
        ClusterDocument document = cluster("full.yml", overrides);

        assertThat(document.name()).isEqualTo("renamed");
        assertThat(document.spec().maxNodes()).isEqualTo(4);
        assertThat(document.spec().ssh().adminUsername()).isEqualTo("ops");
        assertThat(document.spec().tags()).containsEntry("owner", "ana").containsEntry("team", "vision");
        assertThat(document.spec().minNodes()).as("untouched").isEqualTo(1);
    }

    @Test
    void aWrongOverrideSaysItCameFromSet() {
        assertThatThrownBy(() -> cluster("minimal.yml", Map.of("max_instances", "lots")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("max_instances: --set max_instances=lots: must be a whole number, not 'lots' [integer]");
        assertThatThrownBy(() -> cluster("full.yml", Map.of("size.family", "x")))
                .hasMessageContaining("--set size.family=x: 'size' is a value, not a mapping");
    }

    @Test
    void writtenClusterYamlReadsBackToTheSameSpec() {
        for (String file : List.of("full.yml", "minimal.yml", "azure-docs-example.yml")) {
            ClusterDocument document = cluster(file);
            String written = codec.writeCluster(document.name(), document.spec());

            ClusterDocument again = codec.readCluster(written, "exported.yml", Map.of());

            assertThat(again.name()).isEqualTo(document.name());
            assertThat(again.spec()).as(file).isEqualTo(document.spec());
            assertThat(again.warnings()).isEmpty();
        }
    }

    @Test
    void theSshPasswordIsNeverWritten() {
        ClusterDocument document = cluster("lowpriority-spelling.yml");

        String written = codec.writeCluster(document.name(), document.spec());

        assertThat(written).doesNotContain("correct-horse-battery").contains("admin_username: azureuser")
                .contains("# ssh_settings.admin_password is never written out");
    }

    @Test
    void writesTheKeysInTheOrderOfAzuresExamples() {
        ClusterDocument document = cluster("azure-docs-example.yml");

        assertThat(codec.writeCluster("basic-example", document.spec())).isEqualTo("""
                $schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
                name: basic-example
                type: amlcompute
                size: STANDARD_DS3_v2
                tier: dedicated
                min_instances: 0
                max_instances: 2
                idle_time_before_scale_down: 120
                identity:
                  type: user_assigned
                  user_assigned_identities:
                    - resource_id: /subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/my-id
                """);
    }

    // Jobs

    @Test
    void readsEveryJobKey() {
        Path folder = YamlFiles.path("job/full");
        JobDocument document = job("full/job.yml");
        JobSpec spec = document.spec();

        assertThat(spec.name()).isEqualTo("train-full");
        assertThat(spec.displayName()).isEqualTo("Train with every key");
        assertThat(spec.experimentName()).isEqualTo("yaml-import");
        assertThat(spec.description()).isEqualTo("A command job that uses each key of the schema");
        assertThat(spec.command()).isEqualTo("sh train.sh --data ${{inputs.training_data}} --config "
                + "${{inputs.config}} --epochs ${{inputs.epochs}} --lr ${{ inputs.learning_rate }} --gpu "
                + "${{inputs.use_gpu}} --greeting ${{inputs.greeting}} --model ${{outputs.model}} --metrics "
                + "${{outputs.metrics}}");
        assertThat(spec.code()).isEqualTo(folder.resolve("src").toString());
        assertThat(spec.image()).as("through the environment table").isEqualTo("python:3.11-slim");
        assertThat(spec.environmentVariables()).containsExactly(entry("EPOCHS_HINT", "10"), entry("LOG_LEVEL", "debug"));
        assertThat(spec.compute()).isEqualTo("cpu-cluster");
        assertThat(spec.instanceCount()).isEqualTo(2);
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(spec.inputs()).containsExactly(
                entry("epochs", new JobInput(JobInput.Type.INTEGER, "10")),
                entry("learning_rate", new JobInput(JobInput.Type.NUMBER, "0.01")),
                entry("use_gpu", new JobInput(JobInput.Type.BOOLEAN, "false")),
                entry("greeting", new JobInput(JobInput.Type.STRING, "hello")),
                entry("training_data", new JobInput(JobInput.Type.URI_FOLDER, folder.resolve("data").toString())),
                entry("config", new JobInput(JobInput.Type.URI_FILE, folder.resolve("data/config.json").toString())));
        assertThat(spec.outputs()).containsExactly(entry("model", new JobOutput(JobOutput.Type.URI_FOLDER)),
                entry("metrics", new JobOutput(JobOutput.Type.URI_FILE)));
        assertThat(spec.check()).isEmpty();
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void aMinimalJobTakesTheDefaults() {
        JobSpec spec = job("minimal.yml").spec();

        assertThat(spec.name()).as("the service generates one").isEmpty();
        assertThat(spec.experimentName()).isEqualTo(JobSpec.DEFAULT_EXPERIMENT);
        assertThat(spec.compute()).isEqualTo("cpu-cluster");
        assertThat(spec.command()).isEqualTo("echo hello");
        assertThat(spec.instanceCount()).isEqualTo(1);
        assertThat(spec.image()).as("the runner's default image").isNull();
        assertThat(spec.timeout()).isNull();
        assertThat(spec.code()).isNull();
        assertThat(spec.inputs()).isEmpty();
        assertThat(spec.outputs()).isEmpty();
    }

    @Test
    void anInlineEnvironmentGivesItsImageAndWarnsThatNothingIsBuilt() {
        JobDocument document = job("inline-environment.yml");

        assertThat(document.spec().image()).isEqualTo("python:3.12-slim");
        assertThat(document.warnings()).extracting(Problem::message).containsExactly("inline-environment.yml, line 6: "
                + "'environment.conda_file' is not built here: the image is used as it is; ignored");
    }

    @ParameterizedTest
    @CsvSource({
            "python:3.11-slim, python:3.11-slim",
            "azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu@latest, python:3.11-slim",
            "azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu:7, python:3.11-slim",
            "azureml:my-env:2, registry.local/my-env:2",
            "azureml:my-env@latest, registry.local/my-env:latest",
            "azureml://registries/azureml/environments/my-env/versions/2, registry.local/my-env:2",
            "azureml://registries/azureml/environments/my-env/labels/latest, registry.local/my-env:latest"})
    void environmentsMapToImagesThroughTheLocalTable(String environment, String image) {
        environments.put("my-env", "registry.local/my-env:latest");
        environments.put("my-env:2", "registry.local/my-env:2");

        assertThat(job("minimal.yml", Map.of("environment", environment)).spec().image()).isEqualTo(image);
    }

    @Test
    void theEnvironmentTableIsAUserEditableFileWithCuratedDefaults() throws Exception {
        assertThat(environments.entries()).containsEntry("AzureML-sklearn-1.0-ubuntu20.04-py38-cpu", "python:3.11-slim");
        Path file = dataFolder.resolve("environments.yml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file) + "team-env: team/image:1\n");

        assertThat(job("minimal.yml", Map.of("environment", "azureml:team-env@latest")).spec().image())
                .isEqualTo("team/image:1");
        assertThat(java.nio.file.Files.readString(file)).startsWith("# Azure ML environments and the images");
    }

    @Test
    void unknownJobKeysAreWarningsAndSchemaKeysWithoutEffectSaySo() {
        JobDocument document = job("unknown-keys.yml");

        assertThat(document.warnings()).extracting(Problem::field, Problem::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("resources.instance_type", "ignored-key"),
                org.assertj.core.groups.Tuple.tuple("limits.max_retries", "unknown-key"),
                org.assertj.core.groups.Tuple.tuple("tags", "ignored-key"),
                org.assertj.core.groups.Tuple.tuple("distribution", "ignored-key"),
                org.assertj.core.groups.Tuple.tuple("instance_count", "unknown-key"));
        assertThat(document.warnings()).extracting(Problem::message).contains(
                "unknown-keys.yml, line 8: unknown key 'instance_count' ignored; did you mean "
                        + "'resources.instance_count'?");
        assertThat(document.spec().instanceCount()).isEqualTo(1);
        assertThat(document.spec().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void otherJobTypesAreRefused() {
        assertThat(problemsOfJob("invalid/sweep.yml")).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("type");
            assertThat(problem.message()).isEqualTo("sweep.yml, line 2: jobs of type 'sweep' are not supported: "
                    + "this studio runs command jobs (type: command)");
        });
    }

    @Test
    void aMalformedJobFileNamesTheLineAndColumn() {
        assertThat(problemsOfJob("invalid/malformed.yml")).singleElement().extracting(Problem::message).asString()
                .startsWith("malformed.yml, line 3, column 1: not valid YAML: found unexpected end of stream");
    }

    @Test
    void everyWrongJobValueIsReportedWithItsLine() {
        assertThat(problemsOfJob("invalid/bad-values.yml")).extracting(Problem::field, Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("environment", "bad-values.yml, line 4: environment "
                                + "'no-such-env' is not in the local environment table (" + environments.location()
                                + "); there is no registry here, so map it to an image: compute-studio environment set "
                                + "--name no-such-env --image IMAGE"),
                        org.assertj.core.groups.Tuple.tuple("resources.instance_count", "bad-values.yml, line 6: must "
                                + "be a whole number, not 'two'"),
                        org.assertj.core.groups.Tuple.tuple("inputs.data.type", "bad-values.yml, line 9: inputs of "
                                + "type 'mltable' are not supported here; use uri_file or uri_folder with a local path, "
                                + "or a value (epochs: 10)"),
                        org.assertj.core.groups.Tuple.tuple("inputs.remote.path", "bad-values.yml, line 13: "
                                + "'azureml://datastores/workspaceblobstore/paths/data/' is in the cloud; here "
                                + "code and inputs come from local paths (there is no datastore or registry)"),
                        org.assertj.core.groups.Tuple.tuple("outputs.model.type", "bad-values.yml, line 16: outputs "
                                + "of type 'mlflow_model' are not supported here; use uri_folder or uri_file"));
    }

    @Test
    void writtenJobYamlReadsBackToTheSameSpec() {
        for (String file : List.of("full/job.yml", "minimal.yml", "inline-environment.yml")) {
            JobSpec spec = job(file).spec();
            String written = codec.writeJob(spec);

            JobDocument again = codec.readJob(written, "exported.yml", dataFolder, Map.of());

            assertThat(again.spec()).as(file + ":\n" + written).isEqualTo(spec);
            assertThat(again.warnings()).isEmpty();
        }
    }
}
