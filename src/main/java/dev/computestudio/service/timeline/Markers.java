package dev.computestudio.service.timeline;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ScaleDecisions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The markers of a window: every cluster decision and error, every preemption and every node
 * that became unusable, each with the answer to "why?" in one sentence.
 */
public final class Markers {

    private Markers() {
    }

    /**
     * @param startStates each node's last event before the window, so that a preemption already
     *                    under way at its start is not marked again
     */
    public static List<Marker> of(List<LogEvent> startStates, List<LogEvent> window) {
        Map<String, String> lastState = new HashMap<>();
        startStates.forEach(event -> lastState.put(event.nodeId(), event.state()));
        List<Marker> markers = new ArrayList<>();
        for (LogEvent event : window) {
            if (event.kind() == EventKind.CLUSTER) {
                markers.add(decision(event));
            } else if (event.kind() == EventKind.NODE && event.nodeId() != null) {
                String before = lastState.put(event.nodeId(), event.state());
                if (event.state().equals(before)) {
                    continue;
                }
                if (event.state().equals(NodeState.PREEMPTED.name())) {
                    markers.add(new Marker(event.at(), MarkerKind.PREEMPTION, event.state(), event.nodeId(),
                            event.jobName(), event.reason(), preemption(event)));
                } else if (event.state().equals(NodeState.UNUSABLE.name())) {
                    markers.add(new Marker(event.at(), MarkerKind.ERROR, event.state(), event.nodeId(), null,
                            event.reason(), "Node " + event.nodeId() + " became unusable: " + orUnknown(event.reason())
                                    + ". Its job goes back to the queue and the node is replaced."));
                }
            }
        }
        return markers;
    }

    /** The marker of a CLUSTER event: a scale decision, a decision not to scale, an error or a change. */
    public static Marker decision(LogEvent event) {
        String code = event.state();
        String reason = orUnknown(event.reason());
        MarkerKind kind;
        String why;
        switch (code) {
            case ScaleDecisions.SCALE_UP -> {
                kind = MarkerKind.SCALE_UP;
                why = "Nodes added because jobs were waiting: " + reason + ".";
            }
            case ScaleDecisions.SCALE_DOWN -> {
                kind = MarkerKind.SCALE_DOWN;
                why = "Node removed because it was not needed: " + reason + ".";
            }
            case ScaleDecisions.KEPT_IDLE_TIME -> {
                kind = MarkerKind.NOT_SCALED;
                why = "Not scaled down, idle time not reached: " + reason + ".";
            }
            case ScaleDecisions.KEPT_MIN_NODES -> {
                kind = MarkerKind.NOT_SCALED;
                why = "Not scaled down, min nodes: " + reason + ".";
            }
            case ScaleDecisions.KEPT_FOR_WAITING_JOBS -> {
                kind = MarkerKind.NOT_SCALED;
                why = "Not scaled down, waiting jobs: " + reason + ".";
            }
            case ScaleDecisions.AT_MAX_NODES -> {
                kind = MarkerKind.NOT_SCALED;
                why = "Not scaled up, max nodes reached: " + reason + ".";
            }
            case ClusterError.QUOTA_EXCEEDED -> {
                kind = MarkerKind.ERROR;
                why = "Not scaled up (fully), quota: " + reason;
            }
            case ClusterError.SCOPE_LOCKED -> {
                kind = MarkerKind.ERROR;
                why = "Not scaled, lock: " + reason;
            }
            case ClusterError.RUNNER_UNAVAILABLE -> {
                kind = MarkerKind.ERROR;
                why = "Nodes lost, the node runner does not answer: " + reason + ".";
            }
            default -> {
                kind = MarkerKind.CHANGE;
                why = "Cluster " + code.toLowerCase(java.util.Locale.ROOT) + ": " + reason + ".";
            }
        }
        return new Marker(event.at(), kind, code, null, null, event.reason(), why);
    }

    private static String preemption(LogEvent event) {
        return "Node " + event.nodeId() + " preempted: " + orUnknown(event.reason())
                + ". Low-priority nodes can be taken back at any time"
                + (event.jobName() == null ? "." : "; job '" + event.jobName()
                        + "' goes back to the queue and restarts from the start.");
    }

    private static String orUnknown(String reason) {
        return reason == null || reason.isBlank() ? "no reason recorded" : reason;
    }
}
