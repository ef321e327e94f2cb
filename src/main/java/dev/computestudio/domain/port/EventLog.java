package dev.computestudio.domain.port;

import dev.computestudio.domain.LogEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The append-only history of node, job and cluster events. */
public interface EventLog {

    /** Appends in order, in one transaction; the store assigns increasing sequence numbers. */
    void append(List<LogEvent> events);

    /** A cluster's events with {@code from <= at < to}, in order; never the whole log. */
    List<LogEvent> window(String workspace, String cluster, Instant from, Instant to);

    /**
     * The last NODE event before {@code before} of each of these nodes of a cluster, i.e. the state
     * each node was in at that instant; a node with no event before it is left out. One indexed
     * look-up per node, so the cost follows the number of nodes, not the length of the log.
     */
    List<LogEvent> lastNodeEvents(String workspace, String cluster, Collection<String> nodeIds, Instant before);

    /**
     * The newest CLUSTER event of a cluster (a scale decision, a decision not to scale, an error):
     * the engine's latest word on it. A seek, not a read of the cluster's history.
     */
    Optional<LogEvent> lastClusterEvent(String workspace, String cluster);

    /** A job's events, in order. */
    List<LogEvent> forJob(String workspace, String jobName);

    /** Up to {@code limit} events with a sequence above {@code sequence}, in order: the live tail. */
    List<LogEvent> after(long sequence, int limit);

    /** The sequence number of the newest event; 0 while the log is empty. Read it to follow only what comes next. */
    long latestSequence();
}
