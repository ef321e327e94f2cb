package dev.computestudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computestudio.infra.yaml.YamlFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code -f}, {@code --set}, {@code -o yaml}, the v1 flag spellings and {@code compute identity},
 * through the real command line over a real data folder (H2 file, process runner), in this JVM.
 */
class YamlCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Resource ids of two identities of the workspace, made in {@link #createWorkspace()}. */
    private String idA;
    private String idB;

    @TempDir
    Path data;

    private InProcessCli.Result run(String... args) {
        return new InProcessCli(data).run(args);
    }

    private InProcessCli.Result ok(String... args) {
        InProcessCli.Result result = run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err()).isZero();
        return result;
    }

    private JsonNode json(String... args) throws IOException {
        return JSON.readTree(ok(args).out());
    }

    private static String file(String name) {
        return YamlFiles.path(name).toString();
    }

    @BeforeEach
    void createWorkspace() throws IOException {
        ok("workspace", "create", "--name", "ws1");
        // The files and flags name identities by cloud resource ids; the workspace has identities of those names.
        for (String identity : List.of("trainer-id", "reader-id", "my-id")) {
            ok("identity", "create", "-w", "ws1", "--name", identity);
        }
        idA = json("identity", "create", "-w", "ws1", "--name", "id-a", "-o", "json").get("id").asText();
        idB = json("identity", "create", "-w", "ws1", "--name", "id-b", "-o", "json").get("id").asText();
    }

    @Test
    void flagsAndSetOverrideTheFile() throws IOException {
        InProcessCli.Result created = ok("compute", "create", "-w", "ws1", "-f", file("cluster/full.yml"), "--name", "gpu-more",
                "--min-instances", "0", "--set", "max_instances=4", "--set", "tags.owner=ana");

        assertThat(created.out()).contains("gpu-more");
        JsonNode cluster = json("compute", "show", "-w", "ws1", "--name", "gpu-more", "-o", "json");
        assertThat(cluster.at("/scaleSettings/minNodeCount").asInt()).isZero();
        assertThat(cluster.at("/scaleSettings/maxNodeCount").asInt()).isEqualTo(4);
        assertThat(cluster.at("/scaleSettings/nodeIdleTimeBeforeScaleDown").asText()).isEqualTo("PT5M");
        assertThat(cluster.at("/vmSize").asText()).isEqualTo("Standard_NC6");
        assertThat(cluster.at("/vmPriority").asText()).isEqualTo("LowPriority");
        assertThat(cluster.at("/tags/owner").asText()).isEqualTo("ana");
        assertThat(cluster.at("/tags/team").asText()).isEqualTo("vision");
        assertThat(cluster.at("/identity/type").asText()).isEqualTo("UserAssigned");
    }

    @Test
    void theV1FlagSpellingsWork() throws IOException {
        ok("compute", "create", "-w", "ws1", "--name", "v1-cluster", "--min-nodes", "1", "--max-nodes", "3",
                "--vm-size", "STANDARD_D2_V2", "--vm-priority", "lowpriority", "--idle-seconds-before-scaledown", "300",
                "--assign-identity", "[system]");
        ok("compute", "create", "-w", "ws1", "-n", "v1-users", "-s", "Standard_DS2_v2", "--max-nodes", "2",
                "--assign-identity", idA + "," + idB);
        ok("compute", "update", "-w", "ws1", "-n", "v1-cluster", "--max-nodes", "5", "--min-nodes", "0");

        JsonNode v1 = json("compute", "show", "-w", "ws1", "-n", "v1-cluster", "-o", "json");
        assertThat(v1.at("/vmSize").asText()).isEqualTo("Standard_D2_v2");
        assertThat(v1.at("/vmPriority").asText()).isEqualTo("LowPriority");
        assertThat(v1.at("/scaleSettings/minNodeCount").asInt()).isZero();
        assertThat(v1.at("/scaleSettings/maxNodeCount").asInt()).isEqualTo(5);
        assertThat(v1.at("/scaleSettings/nodeIdleTimeBeforeScaleDown").asText()).isEqualTo("PT5M");
        assertThat(v1.at("/identity/type").asText()).isEqualTo("SystemAssigned");
        assertThat(v1.at("/identity/principalId").asText()).isNotBlank();
        JsonNode users = json("compute", "show", "-w", "ws1", "-n", "v1-users", "-o", "json");
        assertThat(users.at("/vmSize").asText()).isEqualTo("Standard_DS2_v2");
        assertThat(users.at("/identity/type").asText()).isEqualTo("UserAssigned");
        assertThat(users.at("/identity/userAssignedIdentities").fieldNames()).toIterable().containsExactly(idA, idB);
    }

    @Test
    void identitiesAreAssignedRemovedAndShownAsTheSeedShowsThem() throws IOException {
        ok("compute", "create", "-w", "ws1", "-n", "cpu", "--max-nodes", "2");

        ok("compute", "identity", "assign", "-w", "ws1", "-n", "cpu", "--identities", idA);
        ok("compute", "identity", "assign", "-w", "ws1", "-n", "cpu", "--identities", idB);
        JsonNode both = json("compute", "identity", "show", "-w", "ws1", "-n", "cpu", "-o", "json");
        assertThat(both.at("/type").asText()).isEqualTo("UserAssigned");
        assertThat(both.at("/userAssignedIdentities").fieldNames()).toIterable().containsExactly(idA, idB);

        InProcessCli.Result mixed = run("compute", "identity", "assign", "-w", "ws1", "-n", "cpu", "--identities", "[system]");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("error: identities: compute 'cpu' has user-assigned identities; a cluster "
                + "has one system-assigned identity or user-assigned ones, not both: remove them first");

        ok("compute", "identity", "remove", "-w", "ws1", "-n", "cpu", "--identities", idA);
        assertThat(ok("compute", "identity", "show", "-w", "ws1", "-n", "cpu").out()).contains(idB)
                .doesNotContain(idA);
        ok("compute", "identity", "remove", "-w", "ws1", "-n", "cpu");
        ok("compute", "identity", "assign", "-w", "ws1", "-n", "cpu", "--identities", "[system]");
        JsonNode system = json("compute", "identity", "show", "-w", "ws1", "-n", "cpu", "-o", "json");
        assertThat(system.at("/type").asText()).isEqualTo("SystemAssigned");
        assertThat(system.at("/principalId").asText()).isNotBlank();
        InProcessCli.Result notThere = run("compute", "identity", "remove", "-w", "ws1", "-n", "cpu", "--identities", idA);
        assertThat(notThere.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aShownClusterIsCreatedAgainFromItsYaml() throws IOException {
        ok("compute", "create", "-w", "ws1", "-f", file("cluster/full.yml"));
        String shown = ok("compute", "show", "-w", "ws1", "-n", "gpu-train", "-o", "yaml").out();
        Path exported = data.resolve("gpu-train.yml");
        Files.writeString(exported, shown);

        ok("compute", "create", "-w", "ws1", "-f", exported.toString(), "-n", "gpu-copy");

        String again = ok("compute", "show", "-w", "ws1", "-n", "gpu-copy", "-o", "yaml").out();
        assertThat(again).isEqualTo(shown.replace("name: gpu-train", "name: gpu-copy"));
        assertThat(shown).contains("tier: low_priority", "max_instances: 3", "idle_time_before_scale_down: 300",
                "location: westeurope", "vnet_name: ml-vnet");
    }

    @Test
    void aShownJobIsSubmittedAgainFromItsYaml() throws IOException {
        ok("compute", "create", "-w", "ws1", "-n", "cpu-cluster", "--max-nodes", "2");
        ok("job", "create", "-w", "ws1", "-f", file("job/full/job.yml"));
        String shown = ok("job", "show", "-w", "ws1", "-n", "train-full", "-o", "yaml").out();
        Path exported = data.resolve("train-full.yml");
        Files.writeString(exported, shown);

        ok("job", "create", "-w", "ws1", "-f", exported.toString(), "--name", "train-again");

        String again = ok("job", "show", "-w", "ws1", "-n", "train-again", "-o", "yaml").out();
        assertThat(again).isEqualTo(shown.replace("name: train-full", "name: train-again"));
        assertThat(shown).contains("environment: python:3.11-slim", "compute: azureml:cpu-cluster",
                "code: " + YamlFiles.path("job/full/src"), "epochs: 10", "learning_rate: 0.01", "use_gpu: false");
    }

    @Test
    void anInvalidFileIsBadInputNamingFieldAndLineWithoutATraceAndCreatesNothing() {
        InProcessCli.Result other = run("compute", "create", "-w", "ws1", "-f", file("cluster/invalid/computeinstance.yml"));
        assertThat(other.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(other.err()).isEqualTo("error: type: computeinstance.yml, line 3: compute of type "
                + "'computeinstance' is not supported: this studio emulates Azure ML compute clusters only (type: "
                + "amlcompute); existing compute can be attached by resource id with 'compute attach' (rule: "
                + "compute-type)\n");

        InProcessCli.Result malformed = run("compute", "create", "-w", "ws1", "-f", file("cluster/invalid/malformed.yml"));
        assertThat(malformed.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(malformed.err()).isEqualTo("error: file: malformed.yml, line 4, column 16: not valid YAML: "
                + "mapping values are not allowed here (rule: yaml-syntax)\n");

        InProcessCli.Result rules = run("compute", "create", "-w", "ws1", "-f", file("cluster/invalid/rule-violations.yml"));
        assertThat(rules.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(rules.err()).contains("error: max_instances: rule-violations.yml, line 5: must not be below "
                + "min_instances (2 < 3) (rule: not-below-min)").doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(ok("compute", "list", "-w", "ws1", "-o", "json").out().trim()).isEqualTo("[ ]");
    }

    @Test
    void unknownKeysAreWarnedAboutOnTheErrorStream() {
        InProcessCli.Result created = ok("compute", "create", "-w", "ws1", "-f", file("cluster/unknown-keys.yml"));

        assertThat(created.err()).contains("warning: unknown-keys.yml, line 4: unknown key 'max_nodes' ignored; "
                + "did you mean 'max_instances'?\n", "warning: unknown-keys.yml, line 6: unknown key 'colour' ignored\n");
        assertThat(created.out()).contains("typo-cluster");
    }

    @Test
    void setWithoutAFileAndYamlOutputWhereThereIsNoneAreRefused() {
        InProcessCli.Result set = run("compute", "create", "-w", "ws1", "-n", "cpu", "--set", "max_instances=4");
        assertThat(set.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(set.err()).contains("--set changes a key of a YAML file; give the file with -f");

        InProcessCli.Result yaml = run("workspace", "list", "-o", "yaml");
        assertThat(yaml.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(yaml.err()).contains("-o yaml is for clusters and jobs");
    }

    @Test
    void environmentNamesMapToImagesTheUserSets() throws IOException {
        assertThat(ok("environment", "list").out()).contains("AzureML-sklearn-1.0-ubuntu20.04-py38-cpu")
                .contains("python:3.11-slim");
        ok("environment", "set", "--name", "team-env:3", "--image", "team/trainer:3");
        ok("compute", "create", "-w", "ws1", "-n", "cpu-cluster", "--max-nodes", "1");

        ok("job", "create", "-w", "ws1", "-f", file("job/minimal.yml"), "--name", "env-job", "--set",
                "environment=azureml:team-env:3");

        assertThat(json("job", "show", "-w", "ws1", "-n", "env-job", "-o", "json").at("/environment").asText())
                .isEqualTo("team/trainer:3");
        InProcessCli.Result unknown = run("job", "create", "-w", "ws1", "-f", file("job/minimal.yml"), "--set",
                "environment=azureml:team-env@latest");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("environment 'team-env' is not in the local environment table");
    }

    @Test
    void aJobRunsTheScriptOfItsCodeFolderWithItsInputsAndKeepsItsOutputs() throws IOException {
        ok("compute", "create", "-w", "ws1", "-n", "cpu", "--max-nodes", "1", "--idle-time-before-scale-down", "1");

        InProcessCli.Result streamed = ok("job", "create", "-w", "ws1", "-f", file("job/runs-code/job.yml"), "--stream");

        assertThat(streamed.out()).isEqualTo("hello from hello.sh in work\nrows: 3\nenv input: rows.csv\n");
        Path report = data.resolve("jobs/ws1/runs-code/outputs/report");
        assertThat(report.resolve("status.txt")).hasContent("done");
        assertThat(report.resolve("rows-copy.csv")).hasSameTextualContentAs(YamlFiles.path("job/runs-code/data/rows.csv"));
        assertThat(ok("job", "show", "-w", "ws1", "-n", "runs-code").out()).contains("Output", "report",
                "uri_folder", report.toString());
        JsonNode job = json("job", "show", "-w", "ws1", "-n", "runs-code", "-o", "json");
        assertThat(job.at("/status").asText()).isEqualTo("Completed");
        assertThat(job.at("/outputs/report/path").asText()).isEqualTo(report.toString());
        assertThat(job.at("/inputs/greeting/value").asText()).isEqualTo("hello");
    }
}
