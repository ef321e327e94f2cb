package dev.computestudio.engine;

import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.domain.port.JobRepository;
import dev.computestudio.domain.port.NodeRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores node and job changes and notes each in the event log, so that no change escapes the
 * history the timeline is drawn from. Events are written together at the end of a pass.
 */
final class Recorder {

    private final NodeRepository nodes;
    private final JobRepository jobs;
    private final EventLog eventLog;
    private final List<LogEvent> pending = new ArrayList<>();

    Recorder(NodeRepository nodes, JobRepository jobs, EventLog eventLog) {
        this.nodes = nodes;
        this.jobs = jobs;
        this.eventLog = eventLog;
    }

    Node newNode(Node node, Instant at, Message reason) {
        nodes.insert(node);
        pending.add(LogEvent.node(at, node, reason));
        return node;
    }

    /** Stores a node; an event is noted when its state or job changed. */
    Node node(Node before, Node after, Instant at, Message reason) {
        nodes.update(after);
        boolean jobChanged = before.currentJob() == null ? after.currentJob() != null
                : !before.currentJob().equals(after.currentJob());
        if (before.state() != after.state() || jobChanged) {
            pending.add(LogEvent.node(at, after, reason));
        }
        return after;
    }

    /**
     * Stores a job if nobody else moved it meanwhile (a cancel from another process).
     *
     * @return the stored job, or null when its status had changed under us
     */
    Job job(Job before, Job after, Instant at, Message reason) {
        if (!jobs.updateIf(after, before.status())) {
            return null;
        }
        if (before.status() != after.status() || before.attempt() != after.attempt()) {
            pending.add(LogEvent.job(at, after, reason));
        }
        return after;
    }

    void cluster(Instant at, String workspace, String cluster, String decision, Message reason) {
        pending.add(LogEvent.cluster(at, workspace, cluster, decision, reason));
    }

    void flush() {
        if (!pending.isEmpty()) {
            eventLog.append(List.copyOf(pending));
            pending.clear();
        }
    }

    static boolean holdsNodes(Job job) {
        return job.status().holdsNodes() || job.status() == JobStatus.CANCEL_REQUESTED && !job.nodeIds().isEmpty();
    }
}
