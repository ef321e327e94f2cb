package dev.computestudio.domain;

import dev.computestudio.domain.port.JobBinding;
import dev.computestudio.domain.port.JobLaunch;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs and outputs of a command job: their rules, and how a command sees them. */
class JobDataTest {

    private static JobSpec spec(String command, Map<String, JobInput> inputs, Map<String, JobOutput> outputs) {
        return new JobSpec("job-1", null, null, "cpu", command, null, 1, Map.of(), null, null, null, inputs, outputs);
    }

    private static JobLaunch launch(String command, List<JobBinding> bindings) {
        return new JobLaunch("ws", "job-1", 1, "tvm-1", null, 0, 1, command, null, Map.of("A", "1"),
                Path.of("/data/work"), Path.of("/data/log.txt"), null, bindings);
    }

    @Test
    void placeholdersAreReplacedLiterallyAsTheCloudDoes() {
        JobLaunch launch = launch("python train.py --lr ${{inputs.lr}} --data ${{ inputs.data }} "
                + "--config ${{inputs.config}} --out ${{outputs.model}} --cost '$5' ${HOME}", List.of(
                JobBinding.literal("lr", "0.01"),
                JobBinding.input("data", Path.of("/jobs/j/inputs/data"), null),
                JobBinding.input("config", Path.of("/jobs/j/inputs/config"), "config.json"),
                JobBinding.output("model", Path.of("/jobs/j/outputs/model"), null)));

        assertThat(launch.commandWith(binding -> binding.hostFolder().toString())).isEqualTo(
                "python train.py --lr 0.01 --data /jobs/j/inputs/data --config /jobs/j/inputs/config/config.json "
                        + "--out /jobs/j/outputs/model --cost '$5' ${HOME}");
        assertThat(launch.commandWith(binding -> "/mnt/" + binding.name())).isEqualTo(
                "python train.py --lr 0.01 --data /mnt/data --config /mnt/config/config.json --out /mnt/model "
                        + "--cost '$5' ${HOME}");
        assertThat(launch.environmentWith(binding -> "/mnt/" + binding.name())).containsEntry("A", "1")
                .containsEntry("AZURE_ML_INPUT_lr", "0.01").containsEntry("AZURE_ML_INPUT_data", "/mnt/data")
                .containsEntry("AZURE_ML_INPUT_config", "/mnt/config/config.json")
                .containsEntry("AZURE_ML_OUTPUT_model", "/mnt/model");
    }

    @Test
    void aLaunchWithoutBindingsRunsItsCommandAsItIs() {
        JobLaunch plain = new JobLaunch("ws", "job-1", 1, "tvm-1", null, 0, 1, "echo ${{inputs.x}}", null, Map.of(),
                Path.of("/w"), Path.of("/l"), null);

        assertThat(plain.commandWith(binding -> "never")).isEqualTo("echo ${{inputs.x}}");
        assertThat(plain.bindings()).isEmpty();
    }

    @Test
    void inputsAndOutputsFollowTheRulesOfTheirTypes() {
        JobSpec bad = spec("echo ${{inputs.n}} ${{outputs.missing}} ${{parent.jobs.x}}", Map.of(
                "n", new JobInput(JobInput.Type.INTEGER, "ten"),
                "rate", new JobInput(JobInput.Type.NUMBER, "fast"),
                "flag", new JobInput(JobInput.Type.BOOLEAN, "yes"),
                "2nd", new JobInput(JobInput.Type.STRING, "x"),
                "data", new JobInput(JobInput.Type.URI_FOLDER, " ")), Map.of("bad-name", JobOutput.FOLDER));

        assertThat(bad.check()).extracting(Problem::field, Problem::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("inputs.n", "integer"),
                org.assertj.core.groups.Tuple.tuple("inputs.rate", "number"),
                org.assertj.core.groups.Tuple.tuple("inputs.flag", "boolean"),
                org.assertj.core.groups.Tuple.tuple("inputs.2nd", "input-name"),
                org.assertj.core.groups.Tuple.tuple("inputs.data.path", "required"),
                org.assertj.core.groups.Tuple.tuple("outputs.bad-name", "output-name"),
                org.assertj.core.groups.Tuple.tuple("command", "placeholder"),
                org.assertj.core.groups.Tuple.tuple("command", "placeholder"));
        assertThat(spec("echo ${{inputs.n}} > ${{outputs.out}}/n.txt",
                Map.of("n", new JobInput(JobInput.Type.INTEGER, "-3")), Map.of("out", JobOutput.FOLDER)).check())
                .isEmpty();
    }

    @Test
    void theTypesAreSpelledAsInTheYaml() {
        assertThat(JobInput.Type.parse("uri_folder")).hasValue(JobInput.Type.URI_FOLDER);
        assertThat(JobInput.Type.parse("URI_FILE")).hasValue(JobInput.Type.URI_FILE);
        assertThat(JobInput.Type.parse("mltable")).isEmpty();
        assertThat(JobOutput.Type.parse("uri_file")).hasValue(JobOutput.Type.URI_FILE);
    }
}
