package dev.computestudio.service.timeline;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ScaleDecisions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The markers of a window: every cluster decision and error, every preemption and every node
 * that became unusable, each with the answer to "why?" in one sentence, by code.
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
                            event.reason(), Message.of("marker.unusable", event.nodeId(), orUnknown(event.reason()))));
                }
            }
        }
        return markers;
    }

    /** The marker of a CLUSTER event: a scale decision, a decision not to scale, an error or a change. */
    public static Marker decision(LogEvent event) {
        String code = event.state();
        Message reason = orUnknown(event.reason());
        MarkerKind kind = switch (code) {
            case ScaleDecisions.SCALE_UP -> MarkerKind.SCALE_UP;
            case ScaleDecisions.SCALE_DOWN -> MarkerKind.SCALE_DOWN;
            case ScaleDecisions.KEPT_IDLE_TIME, ScaleDecisions.KEPT_MIN_NODES, ScaleDecisions.KEPT_FOR_WAITING_JOBS,
                    ScaleDecisions.AT_MAX_NODES -> MarkerKind.NOT_SCALED;
            case ClusterError.QUOTA_EXCEEDED, ClusterError.SCOPE_LOCKED, ClusterError.RUNNER_UNAVAILABLE ->
                    MarkerKind.ERROR;
            default -> MarkerKind.CHANGE;
        };
        Message why = switch (code) {
            case ScaleDecisions.SCALE_UP -> Message.of("marker.scale-up", reason);
            case ScaleDecisions.SCALE_DOWN -> Message.of("marker.scale-down", reason);
            case ScaleDecisions.KEPT_IDLE_TIME -> Message.of("marker.kept-idle-time", reason);
            case ScaleDecisions.KEPT_MIN_NODES -> Message.of("marker.kept-min-nodes", reason);
            case ScaleDecisions.KEPT_FOR_WAITING_JOBS -> Message.of("marker.kept-for-waiting-jobs", reason);
            case ScaleDecisions.AT_MAX_NODES -> Message.of("marker.at-max-nodes", reason);
            case ClusterError.QUOTA_EXCEEDED -> Message.of("marker.quota-exceeded", reason);
            case ClusterError.SCOPE_LOCKED -> Message.of("marker.scope-locked", reason);
            case ClusterError.RUNNER_UNAVAILABLE -> Message.of("marker.runner-unavailable", reason);
            case ScaleDecisions.CREATED -> Message.of("marker.cluster.created", reason);
            case ScaleDecisions.UPDATED -> Message.of("marker.cluster.updated", reason);
            case ScaleDecisions.ATTACHED -> Message.of("marker.cluster.attached", reason);
            case ScaleDecisions.DETACHED -> Message.of("marker.cluster.detached", reason);
            case ScaleDecisions.DELETED -> Message.of("marker.cluster.deleted", reason);
            // A decision this version does not know: named as it was logged.
            default -> Message.of("marker.cluster.other", code.toLowerCase(Locale.ROOT), reason);
        };
        return new Marker(event.at(), kind, code, null, null, event.reason(), why);
    }

    private static Message preemption(LogEvent event) {
        return event.jobName() == null
                ? Message.of("marker.preempted", event.nodeId(), orUnknown(event.reason()))
                : Message.of("marker.preempted-with-job", event.nodeId(), orUnknown(event.reason()), event.jobName());
    }

    private static Message orUnknown(Message reason) {
        return reason == null ? Message.of("marker.no-reason") : reason;
    }
}
