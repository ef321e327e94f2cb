package dev.computestudio.engine;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.port.JobLaunch;

import java.util.ArrayList;
import java.util.List;

/**
 * Places queued jobs on idle nodes in strict arrival order: a job takes whole nodes, a job that
 * needs N nodes waits until N are idle at once, and no later job overtakes it (so a large job is
 * never starved by small ones).
 *
 * <p>Placing is in two steps: during a cluster's pass a job is placed (stored as Preparing) and
 * its nodes are reserved; when every cluster has had its pass, the pass's writes are committed
 * once and all placed jobs start. One commit per pass instead of one per job.
 */
final class Placer {

    /** A job placed in this pass, waiting for the commit to start. */
    private record Placement(ClusterPass pass, Job job, List<Node> nodes) {
    }

    private record Prepared(Placement placement, List<JobLaunch> launches) {
    }

    private final JobLauncher launcher;
    private final JobSupervisor supervisor;
    private final Recorder recorder;
    private final List<Placement> placed = new ArrayList<>();

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
                supervisor.end(pass, job, JobStatus.FAILED, null, Message.of("reason.job.needs-more-than-max",
                        job.spec().instanceCount(), pass.cluster.name(), max));
            }
        }
    }

    /** Places what fits on the idle nodes; the jobs start at {@link #startPlaced}. */
    void placeQueuedJobs(ClusterPass pass) {
        List<Node> idle = new ArrayList<>(pass.nodesIn(NodeState.IDLE));
        for (Job job : List.copyOf(pass.jobs)) {
            if (job.status() != JobStatus.QUEUED) {
                continue;
            }
            int needed = job.spec().instanceCount();
            if (idle.size() < needed) {
                break;
            }
            List<Node> nodes = idle.subList(0, needed);
            if (place(pass, job, List.copyOf(nodes))) {
                nodes.clear();
            }
        }
    }

    private boolean place(ClusterPass pass, Job job, List<Node> nodes) {
        List<String> ids = nodes.stream().map(Node::id).toList();
        Job preparing = recorder.job(job, job.placedOn(ids, pass.now), pass.now,
                Message.of("reason.job.placed", String.join(", ", ids)));
        pass.replace(job, preparing);
        if (preparing == null) {
            return false; // canceled meanwhile by another process; the next pass sees it
        }
        // Reserved in this pass only; stored with their rank's handle once it runs.
        nodes.forEach(node -> pass.replace(node, node.withJob(preparing.name(), null)
                .withState(NodeState.RUNNING, pass.now)));
        placed.add(new Placement(pass, preparing, nodes));
        return true;
    }

    /**
     * Starts every job placed since the last call, after committing the pass's writes: a rank's
     * process, or the token endpoint it calls, reads its job from the database.
     */
    void startPlaced(Runnable commitSoFar) {
        if (placed.isEmpty()) {
            return;
        }
        List<Prepared> prepared = new ArrayList<>();
        for (Placement placement : placed) {
            try {
                prepared.add(new Prepared(placement, launcher.prepare(placement.pass().cluster, placement.job(),
                        placement.nodes())));
            } catch (RuntimeException e) {
                notStarted(placement, e);
            }
        }
        placed.clear();
        commitSoFar.run();
        for (Prepared ready : prepared) {
            List<String> handles;
            try {
                handles = launcher.start(ready.launches());
            } catch (RuntimeException e) {
                notStarted(ready.placement(), e);
                continue;
            }
            started(ready.placement(), handles);
        }
    }

    private void started(Placement placement, List<String> handles) {
        ClusterPass pass = placement.pass();
        Job job = placement.job();
        for (int rank = 0; rank < handles.size(); rank++) {
            Node idle = placement.nodes().get(rank);
            Node running = pass.node(idle.id()).withJob(job.name(), handles.get(rank));
            pass.replace(idle, recorder.node(idle, running, pass.now,
                    Message.of("reason.node.rank-started", rank, job.name())));
        }
        pass.replace(job, recorder.job(job, job.moveTo(JobStatus.RUNNING, pass.now), pass.now, null));
    }

    /** Nothing ran: the nodes are idle again, as stored, and the job fails with the reason. */
    private void notStarted(Placement placement, RuntimeException e) {
        ClusterPass pass = placement.pass();
        placement.nodes().forEach(idle -> pass.replace(pass.node(idle.id()), idle));
        supervisor.end(pass, placement.job(), JobStatus.FAILED, null,
                Message.of("reason.job.not-started", e.getMessage()));
    }
}
