package dev.computestudio.engine;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;

import java.util.List;

/**
 * Places queued jobs on idle nodes in strict arrival order: a job takes whole nodes, a job that
 * needs N nodes waits until N are idle at once, and no later job overtakes it (so a large job is
 * never starved by small ones).
 */
final class Placer {

    private final JobLauncher launcher;
    private final JobSupervisor supervisor;
    private final Recorder recorder;

    Placer(JobLauncher launcher, JobSupervisor supervisor, Recorder recorder) {
        this.launcher = launcher;
        this.supervisor = supervisor;
        this.recorder = recorder;
    }

    /** Jobs that can never fit the cluster fail at once with the reason. */
    void failImpossible(ClusterPass pass) {
        int max = pass.cluster.spec().maxNodes();
        for (Job job : List.copyOf(pass.jobs)) {
            if (job.status() == JobStatus.QUEUED && job.spec().instanceCount() > max) {
                supervisor.end(pass, job, JobStatus.FAILED, null, "the job needs " + job.spec().instanceCount()
                        + " nodes at once but cluster '" + pass.cluster.name() + "' has at most " + max
                        + " (max_instances)");
            }
        }
    }

    /** @return how many jobs were placed */
    int placeQueuedJobs(ClusterPass pass) {
        int placed = 0;
        for (Job job : List.copyOf(pass.jobs)) {
            if (job.status() != JobStatus.QUEUED) {
                continue;
            }
            List<Node> idle = pass.nodesIn(NodeState.IDLE);
            int needed = job.spec().instanceCount();
            if (idle.size() < needed) {
                break;
            }
            if (place(pass, job, idle.subList(0, needed))) {
                placed++;
            }
        }
        return placed;
    }

    private boolean place(ClusterPass pass, Job job, List<Node> nodes) {
        List<String> ids = nodes.stream().map(Node::id).toList();
        Job preparing = recorder.job(job, job.placedOn(ids, pass.now), pass.now,
                "placed on " + String.join(", ", ids));
        if (preparing == null) {
            pass.jobs.remove(job); // canceled meanwhile by another process; the next pass sees it
            return false;
        }
        pass.replace(job, preparing);
        List<String> handles;
        try {
            handles = launcher.launch(pass.cluster, preparing, nodes);
        } catch (RuntimeException e) {
            supervisor.end(pass, preparing, JobStatus.FAILED, null, "the job could not start: " + e.getMessage());
            return false;
        }
        for (int rank = 0; rank < nodes.size(); rank++) {
            Node node = nodes.get(rank);
            Node running = node.withJob(preparing.name(), handles.get(rank)).withState(NodeState.RUNNING, pass.now);
            pass.replace(node, recorder.node(node, running, pass.now, "rank " + rank + " of " + preparing.name()));
        }
        Job running = recorder.job(preparing, preparing.moveTo(JobStatus.RUNNING, pass.now), pass.now, null);
        if (running != null) {
            pass.replace(preparing, running);
        }
        return true;
    }
}
