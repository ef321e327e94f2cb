package dev.computestudio.engine;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobInput;
import dev.computestudio.domain.JobOutput;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.JobIdentity;
import dev.computestudio.domain.port.JobBinding;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Prepares and starts every rank of a job attempt on its nodes, and hands exits back to the engine. */
final class JobLauncher {

    private final NodeRunner runner;
    private final JobFiles files;
    private final Consumer<RankExit> exits;
    private final JobIdentity identity;

    JobLauncher(NodeRunner runner, JobFiles files, Consumer<RankExit> exits, JobIdentity identity) {
        this.runner = runner;
        this.files = files;
        this.exits = exits;
        this.identity = identity;
    }

    /**
     * Makes the attempt's folders and what each rank gets (rank i on node i), its managed-identity
     * secret included. The job and the secrets must be committed before {@link #start}: a rank's
     * process, or the token endpoint it calls, reads them from the database.
     */
    List<JobLaunch> prepare(ComputeCluster cluster, Job job, List<Node> nodes) {
        try {
            prepareFolders(job);
            List<JobBinding> bindings = bindings(job);
            List<JobLaunch> launches = new ArrayList<>();
            for (int rank = 0; rank < nodes.size(); rank++) {
                launches.add(launchOf(cluster, job, nodes.get(rank), rank, nodes.size(), bindings));
            }
            return launches;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the job's folders: " + e.getMessage(), e);
        }
    }

    /**
     * Starts every rank. If one cannot start, the ranks already started are stopped and the
     * failure is thrown, so a job never runs on part of its nodes.
     *
     * @return the handle of each rank, in rank order
     */
    List<String> start(List<JobLaunch> launches) {
        List<String> handles = new ArrayList<>();
        try {
            for (JobLaunch launch : launches) {
                handles.add(runner.startJob(launch, (ended, code) -> exits.accept(
                        new RankExit(ended.workspace(), ended.jobName(), ended.attempt(), ended.nodeId(), code))));
            }
            return handles;
        } catch (RuntimeException e) {
            handles.forEach(runner::stopJob);
            throw e;
        }
    }

    /**
     * Every attempt starts in a fresh working folder holding a copy of the code as submitted (a
     * restarted job starts from the start, as on a new node); output folders are the job's and
     * outlive its attempts.
     */
    private void prepareFolders(Job job) throws IOException {
        Path work = files.workingDirectory(job.workspace(), job.name(), job.attempt());
        Files.createDirectories(work);
        Path code = files.codeSnapshot(job.workspace(), job.name());
        if (job.spec().code() != null && Files.isDirectory(code)) {
            JobFiles.copyTree(code, work, false);
        }
        for (String output : job.spec().outputs().keySet()) {
            Files.createDirectories(files.outputFolder(job.workspace(), job.name(), output));
        }
    }

    private List<JobBinding> bindings(Job job) throws IOException {
        List<JobBinding> bindings = new ArrayList<>();
        for (Map.Entry<String, JobInput> input : job.spec().inputs().entrySet()) {
            String name = input.getKey();
            JobInput value = input.getValue();
            if (!value.type().isPath()) {
                bindings.add(JobBinding.literal(name, value.value()));
                continue;
            }
            Path folder = files.inputFolder(job.workspace(), job.name(), name);
            String fileName = value.type() == JobInput.Type.URI_FILE ? singleFile(folder) : null;
            bindings.add(JobBinding.input(name, folder, fileName));
        }
        job.spec().outputs().forEach((name, output) -> bindings.add(JobBinding.output(name,
                files.outputFolder(job.workspace(), job.name(), name),
                output.type() == JobOutput.Type.URI_FILE ? name : null)));
        return bindings;
    }

    /** A uri_file input's copy is the one file of its folder. */
    private static String singleFile(Path folder) throws IOException {
        try (var listing = Files.list(folder)) {
            return listing.map(path -> path.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new IOException("the copy of the input in " + folder + " is missing"));
        }
    }

    private JobLaunch launchOf(ComputeCluster cluster, Job job, Node node, int rank, int nodeCount,
                               List<JobBinding> bindings) {
        Map<String, String> environment = new LinkedHashMap<>(job.spec().environmentVariables());
        environment.put("AZUREML_RUN_ID", job.name());
        environment.put("AZUREML_EXPERIMENT_NAME", job.spec().experimentName());
        environment.put("AZUREML_COMPUTE_NAME", cluster.name());
        environment.put("AZUREML_NODE_COUNT", Integer.toString(nodeCount));
        environment.put("AZUREML_ATTEMPT", Integer.toString(job.attempt()));
        environment.put("COMPUTE_STUDIO_WORKSPACE", job.workspace());
        environment.put("COMPUTE_STUDIO_NODE_ID", node.id());
        environment.put("NODE_RANK", Integer.toString(rank));
        environment.put("NODE_COUNT", Integer.toString(nodeCount));
        // Last, as in the cloud: a job's own variables cannot stand in for the platform's identity ones.
        environment.putAll(identity.variablesFor(cluster, job, node));
        return new JobLaunch(job.workspace(), job.name(), job.attempt(), node.id(), node.runnerHandle(), rank,
                nodeCount, job.spec().command(), job.spec().image(), environment,
                files.workingDirectory(job.workspace(), job.name(), job.attempt()),
                files.logFile(job.workspace(), job.name(), job.attempt(), rank), job.spec().timeout(), bindings);
    }
}
