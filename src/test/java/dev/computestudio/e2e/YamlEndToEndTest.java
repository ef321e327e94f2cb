package dev.computestudio.e2e;

import dev.computestudio.infra.yaml.YamlFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Azure ML v2 YAML through the real program, one JVM per command, as a user's shell runs it. */
class YamlEndToEndTest {

    @TempDir
    Path data;

    @Test
    void aClusterAndAJobFromYamlRunTheJobsScriptWithItsInputsAndKeepItsOutputs() throws Exception {
        CliRunner cli = new CliRunner(data);
        assertThat(cli.run("workspace", "create", "--name", "ws1").exitCode()).isZero();
        Path cluster = data.resolve("cpu.yml");
        Files.writeString(cluster, """
                $schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
                name: cpu
                type: amlcompute
                size: Standard_DS2_v2
                tier: lowpriority
                max_instances: 2
                idle_time_before_scale_down: 5
                """);
        CliRunner.Result created = cli.run("compute", "create", "-w", "ws1", "-f", cluster.toString(),
                "--set", "max_instances=1");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(cli.run("compute", "show", "-w", "ws1", "-n", "cpu", "-o", "yaml").out())
                .contains("tier: low_priority\n", "max_instances: 1\n", "idle_time_before_scale_down: 5\n");

        CliRunner.Result job = cli.run("job", "create", "-w", "ws1", "-f",
                YamlFiles.path("job/runs-code/job.yml").toString(), "--stream");

        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(job.out()).isEqualTo("hello from hello.sh in work\nrows: 3\nenv input: rows.csv\n");
        assertThat(data.resolve("jobs/ws1/runs-code/outputs/report/status.txt")).hasContent("done");
        assertThat(cli.run("job", "show", "-w", "ws1", "-n", "runs-code").out())
                .contains(data.resolve("jobs/ws1/runs-code/outputs/report").toString());
    }
}
