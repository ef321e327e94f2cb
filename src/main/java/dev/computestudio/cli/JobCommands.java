package dev.computestudio.cli;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LogChunk;
import dev.computestudio.service.SpecFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code job create|list|show|stream|cancel}: command jobs, as {@code az ml job}. */
@Command(name = "job", description = "Submit and follow command jobs.", mixinStandardHelpOptions = true)
final class JobCommands {

    private static final Duration POLL = Duration.ofMillis(100);

    private final GlobalContext context;

    JobCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "create", description = "Submit a command job, from flags or from an Azure ML v2 command "
            + "job YAML file (-f).", mixinStandardHelpOptions = true)
    int create(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A command job YAML file "
                       + "(type: command); flags given with it override it.") Path file,
               @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With -f: set a key of the file, as "
                       + "az ml does (--set resources.instance_count=2, --set inputs.epochs=20).") List<String> sets,
               @Option(names = "--compute", description = "Cluster name (azureml:NAME works too); required without -f.")
               String compute,
               @Option(names = "--command", description = "The shell command to run; required without -f.")
               String command,
               @Option(names = {"-n", "--name"}, defaultValue = "", description = "Job name (default: generated).")
               String name,
               @Option(names = "--display-name", description = "Display name.") String displayName,
               @Option(names = "--experiment-name", description = "Experiment (default: Default).") String experiment,
               @Option(names = "--image", description = "Environment image (Docker runner).") String image,
               @Option(names = "--instance-count", description = "Nodes the job needs at once (default 1).")
               Integer instanceCount,
               @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable (repeat).")
               List<String> env,
               @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit of one attempt.")
               Long timeoutSeconds,
               @Option(names = "--stream", description = "Print the output as it grows; exit 0 when the job "
                       + "completed, 1 when it failed or was canceled.") boolean stream,
               @Mixin OutputOption output) throws InterruptedException {
        Job job;
        if (file != null) {
            Map<String, String> overrides = new LinkedHashMap<>();
            putString(overrides, "name", name.isEmpty() ? null : name);
            putString(overrides, "display_name", displayName);
            putString(overrides, "experiment_name", experiment);
            putString(overrides, "compute", compute);
            putString(overrides, "command", command);
            putString(overrides, "environment", image);
            if (instanceCount != null) {
                overrides.put("resources.instance_count", instanceCount.toString());
            }
            KeyValues.parse("environment_variables", env)
                    .forEach((key, value) -> putString(overrides, "environment_variables." + key, value));
            if (timeoutSeconds != null) {
                overrides.put("limits.timeout", timeoutSeconds.toString());
            }
            overrides.putAll(KeyValues.parse("set", sets));
            SpecFiles.JobImport imported = context.backend().specFiles().createJob(workspace, file, overrides);
            imported.fileWarnings().forEach(warning -> context.err().println("warning: " + warning.message()));
            job = imported.job();
        } else {
            if (sets != null && !sets.isEmpty()) {
                throw ValidationException.of("set", "needs-file", Message.of("invalid.cli.set-needs-file"));
            }
            String computeName = compute == null ? null
                    : compute.startsWith("azureml:") ? compute.substring("azureml:".length()) : compute;
            if (computeName == null || command == null) {
                throw ValidationException.of(computeName == null ? "compute" : "command", "required",
                        Message.of("invalid.cli.job-needs-compute-and-command"));
            }
            JobSpec spec = new JobSpec(name, displayName, experiment, computeName, command, image,
                    instanceCount == null ? 1 : instanceCount, KeyValues.parse("environment_variables", env),
                    timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), null);
            job = context.backend().jobs().submit(workspace, spec);
        }
        if (!stream) {
            print(List.of(job), output);
            return ExitCodes.OK;
        }
        context.err().println("Job '" + job.name() + "' queued on '" + job.spec().compute() + "'.");
        try (EngineSession session = new EngineSession(context.backend().engine())) {
            return follow(workspace, job.name());
        }
    }

    private static void putString(Map<String, String> overrides, String key, String value) {
        if (value != null) {
            overrides.put(key, ComputeCommands.yamlString(value));
        }
    }

    @Command(name = "list", description = "List the workspace's jobs, newest first.", mixinStandardHelpOptions = true)
    int list(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Mixin OutputOption output) {
        print(context.backend().jobs().list(workspace), output);
        return ExitCodes.OK;
    }

    @Command(name = "show", description = "Show a job.", mixinStandardHelpOptions = true)
    int show(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
             @Option(names = {"-n", "--name"}, required = true, description = "Job name.") String name,
             @Mixin OutputOption output) {
        print(List.of(context.backend().jobs().show(workspace, name)), output);
        return ExitCodes.OK;
    }

    @Command(name = "stream", description = "Print a job's output until it ends; the exit code says how it ended.",
            mixinStandardHelpOptions = true)
    int stream(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Job name.") String name)
            throws InterruptedException {
        context.backend().jobs().show(workspace, name);
        try (EngineSession session = new EngineSession(context.backend().engine())) {
            return follow(workspace, name);
        }
    }

    @Command(name = "cancel", description = "Cancel a job.", mixinStandardHelpOptions = true)
    int cancel(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = {"-n", "--name"}, required = true, description = "Job name.") String name) {
        Job job = context.backend().jobs().cancel(workspace, name);
        context.out().println("Job '" + name + "': " + job.status().restName() + ".");
        return ExitCodes.OK;
    }

    /** Prints new output and status changes until the job ends; 0 when it completed. */
    private int follow(String workspace, String name) throws InterruptedException {
        JobService jobs = context.backend().jobs();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        int attempt = 0;
        long offset = 0;
        JobStatus shown = null;
        while (true) {
            Job job = jobs.show(workspace, name);
            if (job.status() != shown) {
                shown = job.status();
                err.println("[" + name + "] " + statusLine(job));
            }
            LogChunk chunk = jobs.readLog(workspace, name, attempt, offset);
            if (chunk.attempt() != attempt && attempt != 0) {
                err.println("[" + name + "] attempt " + chunk.attempt() + " starts from the beginning");
            }
            attempt = chunk.attempt();
            offset = chunk.nextOffset();
            if (!chunk.text().isEmpty()) {
                out.print(chunk.text());
                out.flush();
            }
            if (job.status().isFinal() && chunk.text().isEmpty()) {
                return job.status() == JobStatus.COMPLETED ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            if (chunk.text().isEmpty()) {
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static String statusLine(Job job) {
        StringBuilder line = new StringBuilder(job.status().restName());
        if (!job.nodeIds().isEmpty() && job.status().holdsNodes()) {
            line.append(" on ").append(String.join(", ", job.nodeIds()));
        }
        if (job.attempt() > 1) {
            line.append(" (attempt ").append(job.attempt()).append(')');
        }
        if (job.exitCode() != null) {
            line.append(", exit code ").append(job.exitCode());
        }
        if (job.error() != null) {
            line.append(": ").append(job.error());
        }
        return line.toString();
    }

    private void print(List<Job> jobs, OutputOption output) {
        JobService service = context.backend().jobs();
        if (output.yaml()) {
            context.out().print(jobs.stream().map(job -> context.backend().specFiles().jobYaml(job.workspace(),
                    job.name())).collect(Collectors.joining("---\n")));
            context.out().flush();
            return;
        }
        if (output.json()) {
            Output.json(context.out(), jobs.size() == 1 ? RestViews.job(jobs.get(0), service.outputFolders(jobs.get(0)))
                    : jobs.stream().map(job -> RestViews.job(job, service.outputFolders(job))).toList());
            return;
        }
        Table table = new Table("Name", "Status", "Compute", "Nodes", "Attempt", "Created", "Error");
        jobs.forEach(job -> table.row(job.name(), job.status().restName(), job.spec().compute(),
                job.spec().instanceCount(), job.attempt(), job.createdAt(), job.error()));
        table.print(context.out());
        if (jobs.size() == 1 && !jobs.get(0).spec().outputs().isEmpty()) {
            Table outputs = new Table("Output", "Type", "Path");
            service.outputFolders(jobs.get(0)).forEach((outputName, folder) -> outputs.row(outputName,
                    jobs.get(0).spec().outputs().get(outputName).type().yamlName(), folder));
            context.out().println();
            outputs.print(context.out());
        }
    }
}
