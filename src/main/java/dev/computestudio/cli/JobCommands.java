package dev.computestudio.cli;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.service.JobService;
import dev.computestudio.service.LogChunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** {@code job create|list|show|stream|cancel}: command jobs, as {@code az ml job}. */
@Command(name = "job", description = "Submit and follow command jobs.", mixinStandardHelpOptions = true)
final class JobCommands {

    private static final Duration POLL = Duration.ofMillis(100);

    private final GlobalContext context;

    JobCommands(GlobalContext context) {
        this.context = context;
    }

    @Command(name = "create", description = "Submit a command job.", mixinStandardHelpOptions = true)
    int create(@Option(names = {"-w", "--workspace"}, required = true, description = "Workspace name.") String workspace,
               @Option(names = "--compute", required = true, description = "Cluster name (azureml:NAME works too).")
               String compute,
               @Option(names = "--command", required = true, description = "The shell command to run.") String command,
               @Option(names = {"-n", "--name"}, defaultValue = "", description = "Job name (default: generated).")
               String name,
               @Option(names = "--display-name", description = "Display name.") String displayName,
               @Option(names = "--experiment-name", description = "Experiment (default: Default).") String experiment,
               @Option(names = "--image", description = "Environment image (Docker runner).") String image,
               @Option(names = "--instance-count", defaultValue = "1", description = "Nodes the job needs at once.")
               int instanceCount,
               @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable (repeat).")
               List<String> env,
               @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit of one attempt.")
               Long timeoutSeconds,
               @Option(names = "--stream", description = "Print the output as it grows; exit 0 when the job "
                       + "completed, 1 when it failed or was canceled.") boolean stream,
               @Mixin OutputOption output) throws InterruptedException {
        String computeName = compute.startsWith("azureml:") ? compute.substring("azureml:".length()) : compute;
        JobSpec spec = new JobSpec(name, displayName, experiment, computeName, command, image, instanceCount,
                KeyValues.parse("environment_variables", env),
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), null);
        Job job = context.backend().jobs().submit(workspace, spec);
        if (!stream) {
            print(List.of(job), output);
            return ExitCodes.OK;
        }
        context.err().println("Job '" + job.name() + "' queued on '" + computeName + "'.");
        try (EngineSession session = new EngineSession(context.backend().engine())) {
            return follow(workspace, job.name());
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
        if (output.json()) {
            Output.json(context.out(), jobs.size() == 1 ? RestViews.job(jobs.get(0))
                    : jobs.stream().map(RestViews::job).toList());
            return;
        }
        Table table = new Table("Name", "Status", "Compute", "Nodes", "Attempt", "Created", "Error");
        jobs.forEach(job -> table.row(job.name(), job.status().restName(), job.spec().compute(),
                job.spec().instanceCount(), job.attempt(), job.createdAt(), job.error()));
        table.print(context.out());
    }
}
