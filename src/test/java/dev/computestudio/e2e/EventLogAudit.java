package dev.computestudio.e2e;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.computestudio.domain.NodeState.GONE;
import static dev.computestudio.domain.NodeState.PREPARING;
import static dev.computestudio.domain.NodeState.RUNNING;

/**
 * Reads the event log as the timeline does and lists what no history of real nodes and jobs can
 * contain: a node that lives on after GONE, runs two jobs at once, jumps between states that do
 * not follow each other, or ends in another state than the one stored; a job that ends twice, or
 * whose stored status is not the last one logged. Each problem is a sentence that starts with
 * "node ID" or "job NAME", so that the history of what it names can be shown beside it.
 */
final class EventLogAudit {

    private static final Set<String> FINAL_JOB_STATES = Set.of(JobStatus.COMPLETED.name(), JobStatus.FAILED.name(),
            JobStatus.CANCELED.name());

    private EventLogAudit() {
    }

    /** Problems in the node events of the log, against the nodes as stored. */
    static List<String> nodeProblems(List<LogEvent> log, Collection<Node> storedNodes) {
        List<String> problems = new ArrayList<>();
        Map<String, List<LogEvent>> byNode = group(log, EventKind.NODE, LogEvent::nodeId);
        for (Map.Entry<String, List<LogEvent>> entry : byNode.entrySet()) {
            problems.addAll(nodeHistoryProblems(entry.getKey(), entry.getValue()));
        }
        for (Node node : storedNodes) {
            List<LogEvent> events = byNode.get(node.id());
            if (events == null) {
                problems.add("node " + node.id() + " is stored (" + node.state() + ") but has no event");
                continue;
            }
            String last = events.get(events.size() - 1).state();
            if (!last.equals(node.state().name())) {
                problems.add("node " + node.id() + " is stored " + node.state() + " but its last event says " + last);
            }
        }
        return problems;
    }

    private static List<String> nodeHistoryProblems(String nodeId, List<LogEvent> events) {
        List<String> problems = new ArrayList<>();
        LogEvent first = events.get(0);
        if (!first.state().equals(PREPARING.name())) {
            problems.add("node " + nodeId + " first appears as " + first.state() + " (#" + first.sequence()
                    + "), not PREPARING");
        }
        for (int i = 1; i < events.size(); i++) {
            LogEvent before = events.get(i - 1);
            LogEvent after = events.get(i);
            NodeState from = NodeState.valueOf(before.state());
            NodeState to = NodeState.valueOf(after.state());
            if (after.at().isBefore(before.at())) {
                problems.add("node " + nodeId + ": event #" + after.sequence() + " at " + after.at()
                        + " comes after #" + before.sequence() + " at " + before.at());
            }
            if (from == GONE) {
                problems.add("node " + nodeId + " has an event after GONE: " + to + " (#" + after.sequence() + ", "
                        + after.reason() + ")");
            } else if (from == RUNNING && to == RUNNING && !Objects.equals(before.jobName(), after.jobName())) {
                problems.add("node " + nodeId + " runs " + after.jobName() + " (#" + after.sequence()
                        + ") while still running " + before.jobName() + " (#" + before.sequence() + ")");
            } else if (!from.canMoveTo(to)) {
                // The domain's own table: anything else in the log means two stories were interleaved.
                problems.add("node " + nodeId + " goes from " + from + " to " + to + " (#" + before.sequence() + " -> #"
                        + after.sequence() + ": " + after.reason() + ")");
            }
            if (to == RUNNING && after.jobName() == null) {
                problems.add("node " + nodeId + " is RUNNING without a job (#" + after.sequence() + ")");
            }
        }
        return problems;
    }

    /** Problems in the job events of the log, against the jobs as stored. */
    static List<String> jobProblems(List<LogEvent> log, Collection<Job> storedJobs) {
        List<String> problems = new ArrayList<>();
        Map<String, List<LogEvent>> byJob = group(log, EventKind.JOB, event -> event.workspace() + "/" + event.jobName());
        for (Job job : storedJobs) {
            List<LogEvent> events = byJob.getOrDefault(job.workspace() + "/" + job.name(), List.of());
            if (events.isEmpty()) {
                problems.add("job " + job.name() + " is stored (" + job.status() + ") but has no event");
                continue;
            }
            List<LogEvent> endings = events.stream().filter(e -> FINAL_JOB_STATES.contains(e.state())).toList();
            if (endings.size() > 1) {
                problems.add("job " + job.name() + " ended " + endings.size() + " times: " + endings.stream()
                        .map(e -> e.state() + " (#" + e.sequence() + ", attempt " + e.attempt() + ")").toList());
            }
            LogEvent last = events.get(events.size() - 1);
            if (!last.state().equals(job.status().name())) {
                problems.add("job " + job.name() + " is stored " + job.status() + " but its last event says "
                        + last.state() + " (#" + last.sequence() + ")");
            }
            for (int i = 1; i < events.size(); i++) {
                if (events.get(i).attempt() < events.get(i - 1).attempt()) {
                    problems.add("job " + job.name() + "'s attempt goes back from " + events.get(i - 1).attempt()
                            + " to " + events.get(i).attempt() + " (#" + events.get(i).sequence() + ")");
                }
            }
            if (last.attempt() != job.attempt()) {
                problems.add("job " + job.name() + " is stored at attempt " + job.attempt() + " but its last event "
                        + "says attempt " + last.attempt());
            }
        }
        return problems;
    }

    /**
     * Problems in a timeline drawn from the log: a node has at most one open segment, the open one
     * is its stored state, and a node that is GONE has none.
     */
    static List<String> timelineProblems(List<NodeRow> rows, Map<String, NodeState> storedStates) {
        List<String> problems = new ArrayList<>();
        for (NodeRow row : rows) {
            List<Segment> open = row.segments().stream().filter(Segment::open).toList();
            NodeState stored = storedStates.get(row.nodeId());
            if (open.size() > 1) {
                problems.add("node " + row.nodeId() + " has " + open.size() + " open segments: "
                        + open.stream().map(Segment::state).toList());
            } else if (stored == GONE && !open.isEmpty()) {
                problems.add("node " + row.nodeId() + " is GONE but its timeline still shows it " + open.get(0).state());
            } else if (stored != null && stored != GONE && (open.isEmpty() || open.get(0).state() != stored)) {
                problems.add("node " + row.nodeId() + " is " + stored + " but its timeline ends in "
                        + (open.isEmpty() ? "a gap" : open.get(0).state()));
            }
        }
        return problems;
    }

    /** The log's events about what a problem names, one per line, for a failure message. */
    static String historyBehind(String problem, List<LogEvent> log) {
        String[] words = problem.split(" ", 3);
        Predicate<LogEvent> about = words[0].equals("node") ? event -> words[1].equals(event.nodeId())
                : event -> event.kind() == EventKind.JOB && words[1].equals(event.jobName());
        return log.stream().filter(about).map(event -> "      #" + event.sequence() + " " + event.at() + " "
                        + event.kind() + " " + event.state() + (event.jobName() == null ? "" : " " + event.jobName())
                        + (event.kind() == EventKind.JOB ? " attempt " + event.attempt() : "") + ": " + event.reason())
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, List<LogEvent>> group(List<LogEvent> log, EventKind kind,
                                                     java.util.function.Function<LogEvent, String> key) {
        Map<String, List<LogEvent>> groups = new LinkedHashMap<>();
        log.stream().filter(event -> event.kind() == kind && key.apply(event) != null)
                .forEach(event -> groups.computeIfAbsent(key.apply(event), k -> new ArrayList<>()).add(event));
        return groups;
    }
}
