package dev.computestudio.engine;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.port.NodeRunner;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything that ends or interrupts a job attempt: rank exits, cancel requests, timeouts,
 * preemption and failures to start. Each stops the attempt's other ranks and frees its nodes.
 */
final class JobSupervisor {

    /** The cloud's words for a job whose node was preempted, as its error and in the event log. */
    static final Message PREEMPTION_ERROR = Message.of("reason.job.preempted");

    private final NodeRunner runner;
    private final Recorder recorder;

    JobSupervisor(NodeRunner runner, Recorder recorder) {
        this.runner = runner;
        this.recorder = recorder;
    }

    /** A rank ended: free its node; the job ends failed at the first non-zero exit, completed after the last rank. */
    void rankExited(ClusterPass pass, RankExit exit) {
        Job job = pass.job(exit.jobName());
        Node node = pass.node(exit.nodeId());
        if (job == null || job.attempt() != exit.attempt() || !job.status().holdsNodes()
                || node == null || !job.name().equals(node.currentJob())) {
            return; // an attempt we already ended (canceled, preempted, timed out): nothing left to do
        }
        free(pass, node, Message.of("reason.node.rank-exited", exit.exitCode()));
        if (exit.exitCode() != 0) {
            end(pass, job, JobStatus.FAILED, exit.exitCode(),
                    Message.of("reason.job.command-failed", exit.exitCode(), exit.nodeId()));
        } else if (pass.nodes.stream().noneMatch(n -> job.name().equals(n.currentJob()))) {
            end(pass, job, JobStatus.COMPLETED, 0, null);
        }
    }

    /** Cancel requests become canceled jobs; attempts past their time limit fail. */
    void cancelAndTimeOut(ClusterPass pass) {
        for (Job job : List.copyOf(pass.jobs)) {
            if (job.status() == JobStatus.CANCEL_REQUESTED) {
                end(pass, job, JobStatus.CANCELED, null, Message.of("reason.job.canceled"));
            } else if (job.status().holdsNodes() && timedOut(job, pass)) {
                end(pass, job, JobStatus.FAILED, null,
                        Message.of("reason.job.timed-out", job.spec().timeout().toSeconds()));
            }
        }
    }

    /** A job on a preempted node goes back to the queue to restart from the start, with its attempt counted. */
    void requeueFromPreemptedNodes(ClusterPass pass) {
        for (Node node : pass.nodesIn(NodeState.PREEMPTED)) {
            if (node.currentJob() == null) {
                continue;
            }
            Job job = pass.job(node.currentJob());
            Node cleared = recorder.node(node, node.withJob(null, null), pass.now, Message.of("reason.node.preempted"));
            pass.replace(node, cleared);
            if (node.jobHandle() != null) {
                runner.stopJob(node.jobHandle());
            }
            if (job != null && job.status().holdsNodes()) {
                stopRanks(pass, job, Message.of("reason.node.job-preempted", node.id()));
                pass.replace(job, recorder.job(job, job.requeued(PREEMPTION_ERROR, pass.now), pass.now,
                        PREEMPTION_ERROR));
            }
        }
    }

    /**
     * Nodes the runner lost: each becomes unusable and its job goes back to the queue, saying
     * why. Nothing is stopped: the runner cannot be reached; what survives is cleaned up when
     * it answers again.
     */
    void nodesLost(ClusterPass pass, Message reason) {
        Set<String> lostJobs = new HashSet<>();
        for (Node node : List.copyOf(pass.nodes)) {
            // Preempted and leaving nodes are on their way out already; they cannot become unusable.
            if (node.state() == NodeState.UNUSABLE || node.state() == NodeState.PREEMPTED
                    || node.state() == NodeState.LEAVING) {
                continue;
            }
            if (node.currentJob() != null) {
                lostJobs.add(node.currentJob());
            }
            pass.replace(node, recorder.node(node, node.withJob(null, null).withState(NodeState.UNUSABLE, pass.now),
                    pass.now, reason));
        }
        for (Job job : List.copyOf(pass.jobs)) {
            if (lostJobs.contains(job.name()) && job.status().holdsNodes()) {
                pass.replace(job, recorder.job(job, job.requeued(Message.of("reason.job.node-lost", reason), pass.now), pass.now,
                        reason));
            }
        }
    }

    /**
     * Ends an attempt: stops what still runs, frees its nodes, records the final status. The job
     * keeps the reason as its error, as the cloud's job shows it.
     */
    void end(ClusterPass pass, Job job, JobStatus status, Integer exitCode, Message reason) {
        stopRanks(pass, job, reason == null ? Message.of("reason.node.job-ended", status) : reason);
        pass.replace(job, recorder.job(job, job.finished(status, exitCode, reason, pass.now), pass.now, reason));
    }

    private void stopRanks(ClusterPass pass, Job job, Message reason) {
        for (Node node : List.copyOf(pass.nodes)) {
            if (job.name().equals(node.currentJob())) {
                if (node.jobHandle() != null) {
                    runner.stopJob(node.jobHandle());
                }
                free(pass, node, reason);
            }
        }
    }

    private void free(ClusterPass pass, Node node, Message reason) {
        NodeState next = node.state() == NodeState.RUNNING ? NodeState.IDLE : node.state();
        Node freed = recorder.node(node, node.withJob(null, null).withState(next, pass.now), pass.now, reason);
        pass.replace(node, freed);
    }

    private static boolean timedOut(Job job, ClusterPass pass) {
        Duration limit = job.spec().timeout();
        return limit != null && job.startedAt() != null && !pass.now.isBefore(job.startedAt().plus(limit));
    }
}
