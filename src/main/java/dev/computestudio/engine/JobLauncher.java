package dev.computestudio.engine;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.JobIdentity;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Starts every rank of a job attempt on its nodes and hands exits back to the engine. */
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
     * Starts rank i on node i. If a rank cannot start, the ranks already started are stopped and
     * the failure is thrown, so a job never runs on part of its nodes.
     *
     * @return the handle of each rank, in node order
     */
    List<String> launch(ComputeCluster cluster, Job job, List<Node> nodes) {
        List<String> handles = new ArrayList<>();
        try {
            Files.createDirectories(files.workingDirectory(job.workspace(), job.name(), job.attempt()));
            for (int rank = 0; rank < nodes.size(); rank++) {
                JobLaunch launch = launchOf(cluster, job, nodes.get(rank), rank, nodes.size());
                handles.add(runner.startJob(launch, (ended, code) -> exits.accept(
                        new RankExit(ended.workspace(), ended.jobName(), ended.attempt(), ended.nodeId(), code))));
            }
            return handles;
        } catch (IOException e) {
            handles.forEach(runner::stopJob);
            throw new UncheckedIOException("cannot create the job's folder: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            handles.forEach(runner::stopJob);
            throw e;
        }
    }

    private JobLaunch launchOf(ComputeCluster cluster, Job job, Node node, int rank, int nodeCount) {
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
                files.logFile(job.workspace(), job.name(), job.attempt(), rank), job.spec().timeout());
    }
}
