package dev.computestudio.service;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.port.ClusterRepository;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.domain.port.NodeRepository;
import dev.computestudio.domain.port.WorkspaceRepository;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.service.timeline.Timelines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The node timeline of a cluster, read for a time window from the event log: never the whole log,
 * only the window's events (by workspace, cluster and time) and, for each node that existed
 * before the window, its last event before it (one seek per node).
 */
public final class TimelineService {

    private final WorkspaceRepository workspaces;
    private final ClusterRepository clusters;
    private final NodeRepository nodes;
    private final EventLog events;
    private final Clock clock;

    public TimelineService(WorkspaceRepository workspaces, ClusterRepository clusters, NodeRepository nodes,
                           EventLog events, Clock clock) {
        this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
        this.clusters = Objects.requireNonNull(clusters, "clusters");
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The instant the timeline calls now: where "follow live" keeps its right edge. */
    public Instant now() {
        return clock.instant();
    }

    /** The clusters of a workspace, by name: what a timeline can be drawn for. */
    public List<ComputeCluster> clusters(String workspace) {
        workspaces.require(workspace);
        return clusters.list(workspace);
    }

    public ComputeCluster cluster(String workspace, String cluster) {
        workspaces.require(workspace);
        return clusters.find(workspace, cluster).orElseThrow(() -> new NotFoundException("cluster",
                Message.of("notfound.compute", cluster, workspace)));
    }

    /**
     * The cluster's timeline for {@code [from, to)}: rows of the nodes that existed in it, each
     * starting in the state it was in at {@code from}, segments clipped to the window, the state
     * still held at the end left open.
     */
    public Timeline load(String workspace, String cluster, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must start before it ends: " + from + " - " + to);
        }
        cluster(workspace, cluster);
        Instant now = clock.instant();
        List<Node> existing = nodes.listExisting(workspace, cluster, from, to);
        List<String> before = existing.stream().filter(node -> node.createdAt().isBefore(from)).map(Node::id).toList();
        List<LogEvent> startStates = events.lastNodeEvents(workspace, cluster, before, from);
        List<LogEvent> window = events.window(workspace, cluster, from, to);
        return Timelines.assemble(workspace, cluster, from, to, now, existing, startStates, window);
    }

    /**
     * The timeline of {@code [from, to)} again, reusing {@code previous} when it covers the same
     * start and the cluster has logged nothing since it was read: then only "now" moves on, and
     * the cost is one look at the log's tail instead of the whole window.
     */
    public Timeline reload(Timeline previous, String workspace, String cluster, Instant from, Instant to) {
        if (previous != null && previous.workspace().equals(workspace) && previous.cluster().equals(cluster)
                && previous.from().equals(from) && !to.isBefore(previous.to()) && !hasNewEvents(previous)) {
            return previous.extendedTo(to, clock.instant());
        }
        return load(workspace, cluster, from, to);
    }

    /** Whether the log holds events of the timeline's cluster written after it was read. */
    private boolean hasNewEvents(Timeline timeline) {
        int limit = 500;
        List<LogEvent> newer = events.after(timeline.lastSequence(), limit);
        // A full page of other clusters' events proves nothing: read again rather than guess.
        return newer.size() == limit || newer.stream().anyMatch(event -> event.workspace().equals(timeline.workspace())
                && timeline.cluster().equals(event.cluster()));
    }
}
