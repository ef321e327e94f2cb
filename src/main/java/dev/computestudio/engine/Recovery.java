package dev.computestudio.engine;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.port.NodeRunner;
import dev.computestudio.domain.port.Repositories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs when an engine takes the lease: the previous holder may have died mid-pass. Attempts it
 * left running are stopped and their jobs requeued (a process it started cannot be waited for by
 * another process, so the job runs again from the start, as after a preemption); anything of
 * ours the database does not know is stopped. Nothing recorded is lost.
 */
final class Recovery {

    static final Message REQUEUE_REASON = Message.of("reason.job.engine-restarted");
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Repositories stores;
    private final NodeRunner runner;
    private final Recorder recorder;

    Recovery(Repositories stores, NodeRunner runner, Recorder recorder) {
        this.stores = stores;
        this.runner = runner;
        this.recorder = recorder;
    }

    /**
     * After the runner came back: stops whatever it still runs that no present node holds (the
     * ranks of jobs that were requeued while it was away).
     */
    void stopUnknown() {
        Set<String> known = new HashSet<>();
        for (ComputeCluster cluster : stores.clusters().listAll()) {
            for (Node node : stores.nodes().listPresent(cluster.workspace(), cluster.name())) {
                if (node.runnerHandle() != null) {
                    known.add(node.runnerHandle());
                }
                if (node.jobHandle() != null) {
                    known.add(node.jobHandle());
                }
            }
        }
        int stopped = stopAllBut(known);
        if (stopped > 0) {
            LOG.info("stopped {} process(es) or container(s) no node holds", stopped);
        }
    }

    private int stopAllBut(Set<String> known) {
        int stopped = 0;
        for (String handle : runner.findRunning()) {
            if (!known.contains(handle)) {
                runner.stopJob(handle);
                stopped++;
            }
        }
        return stopped;
    }

    void recover(Instant now) {
        Set<String> kept = new HashSet<>();
        int requeued = 0;
        for (ComputeCluster cluster : stores.clusters().listAll()) {
            for (Node node : stores.nodes().listPresent(cluster.workspace(), cluster.name())) {
                Node current = node;
                if (node.currentJob() != null) {
                    if (node.jobHandle() != null) {
                        runner.stopJob(node.jobHandle());
                    }
                    current = recorder.node(node, node.withJob(null, null)
                            .withState(node.state() == NodeState.RUNNING ? NodeState.IDLE : node.state(), now),
                            now, REQUEUE_REASON);
                }
                if (current.state() == NodeState.LEAVING) {
                    runner.stopNode(current);
                    current = recorder.node(current, current.withState(NodeState.GONE, now), now,
                            Message.of("reason.node.left-during-restart"));
                } else if (current.runnerHandle() != null && runner.isAlive(current.runnerHandle())) {
                    kept.add(current.runnerHandle());
                } else if (current.runnerHandle() != null && current.state() != NodeState.UNUSABLE
                        && current.state() != NodeState.PREEMPTED) {
                    // A preempted node is on its way out already: it leaves after its linger, container or not.
                    current = recorder.node(current, current.withState(NodeState.UNUSABLE, now), now,
                            Message.of("reason.node.container-gone"));
                }
            }
        }
        for (Job job : stores.jobs().listUnfinished()) {
            if (job.status().holdsNodes()) {
                Job back = job.status() == JobStatus.FINALIZING
                        ? job.finished(JobStatus.FAILED, null, Message.of("reason.job.engine-stopped-finalizing"), now)
                        : job.requeued(REQUEUE_REASON, now);
                if (recorder.job(job, back, now, REQUEUE_REASON) != null) {
                    requeued++;
                }
            }
        }
        int orphans = stopAllBut(kept);
        recorder.flush();
        if (requeued > 0 || orphans > 0) {
            LOG.info("recovered after a restart: {} job(s) requeued, {} orphaned process(es) or container(s) stopped",
                    requeued, orphans);
        }
    }
}
