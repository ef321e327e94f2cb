package dev.computestudio.e2e;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit the crash test relies on finds what it must find, and nothing in a sound history. */
class EventLogAuditTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final List<LogEvent> log = new ArrayList<>();

    @Test
    void aNodeThatScaledUpRanAJobAndLeftIsSound() {
        node("n1", NodeState.PREPARING, null, 0);
        node("n1", NodeState.IDLE, null, 0);
        node("n1", NodeState.RUNNING, "job-a", 1);
        node("n1", NodeState.IDLE, null, 2);
        node("n1", NodeState.LEAVING, null, 5);
        node("n1", NodeState.GONE, null, 5);

        assertThat(EventLogAudit.nodeProblems(log, List.of(stored("n1", NodeState.GONE)))).isEmpty();
    }

    @Test
    void anEventAfterGoneATwoJobNodeAndAStoredStateTheLogDoesNotEndInAreFound() {
        node("n1", NodeState.PREPARING, null, 0);
        node("n1", NodeState.GONE, null, 1);
        node("n1", NodeState.IDLE, null, 2);
        node("n2", NodeState.PREPARING, null, 0);
        node("n2", NodeState.IDLE, null, 0);
        node("n2", NodeState.RUNNING, "job-a", 1);
        node("n2", NodeState.RUNNING, "job-b", 2);

        assertThat(EventLogAudit.nodeProblems(log, List.of(stored("n2", NodeState.IDLE))))
                .anyMatch(p -> p.contains("n1 has an event after GONE"))
                .anyMatch(p -> p.contains("n2 runs job-b") && p.contains("while still running job-a"))
                .anyMatch(p -> p.contains("n2 is stored IDLE but its last event says RUNNING"));
    }

    @Test
    void aNodeThatSkipsAStateTheDomainRequiresIsFound() {
        node("n1", NodeState.PREPARING, null, 0);
        node("n1", NodeState.IDLE, null, 0);
        node("n1", NodeState.GONE, null, 1);

        assertThat(EventLogAudit.nodeProblems(log, List.of(stored("n1", NodeState.GONE))))
                .containsExactly("node n1 goes from IDLE to GONE (#2 -> #3: test)");
    }

    @Test
    void aJobThatEndsTwiceOrWhoseStoredStatusDiffersFromItsLastEventIsFound() {
        job("job-a", JobStatus.QUEUED, 0);
        job("job-a", JobStatus.RUNNING, 1);
        job("job-a", JobStatus.COMPLETED, 1);
        job("job-a", JobStatus.QUEUED, 1);
        job("job-a", JobStatus.RUNNING, 2);
        job("job-a", JobStatus.COMPLETED, 2);
        job("job-b", JobStatus.QUEUED, 0);

        List<String> problems = EventLogAudit.jobProblems(log, List.of(stored("job-a", JobStatus.COMPLETED, 2),
                stored("job-b", JobStatus.CANCELED, 0)));

        assertThat(problems).anyMatch(p -> p.contains("job-a ended 2 times"))
                .anyMatch(p -> p.contains("job-b is stored CANCELED but its last event says QUEUED"))
                .hasSize(2);
    }

    @Test
    void aTimelineRowWithTwoOpenSegmentsOrAGoneNodeStillOpenIsFound() {
        NodeRow twoOpen = row("n1", segment("n1", NodeState.IDLE, 0, null), segment("n1", NodeState.RUNNING, 1, null));
        NodeRow goneButOpen = row("n2", segment("n2", NodeState.IDLE, 0, null));
        NodeRow sound = row("n3", segment("n3", NodeState.IDLE, 0, 3L), segment("n3", NodeState.RUNNING, 3, null));

        assertThat(EventLogAudit.timelineProblems(List.of(twoOpen, goneButOpen, sound),
                Map.of("n1", NodeState.RUNNING, "n2", NodeState.GONE, "n3", NodeState.RUNNING)))
                .containsExactly("node n1 has 2 open segments: [IDLE, RUNNING]",
                        "node n2 is GONE but its timeline still shows it IDLE");
    }

    @Test
    void theHistoryBehindAProblemListsTheEventsOfWhatItNames() {
        node("n1", NodeState.PREPARING, null, 0);
        node("n2", NodeState.PREPARING, null, 0);
        node("n1", NodeState.GONE, null, 1);

        assertThat(EventLogAudit.historyBehind("node n1 has an event after GONE", log).lines())
                .containsExactly("      #1 2025-01-01T00:00:00Z NODE PREPARING: test",
                        "      #3 2025-01-01T00:00:01Z NODE GONE: test");
    }

    private void node(String id, NodeState state, String job, long second) {
        log.add(new LogEvent(log.size() + 1, T0.plusSeconds(second), EventKind.NODE, "ws1", "cpu", id, job,
                state.name(), 0, Message.of("text.recorded", "test")));
    }

    private void job(String name, JobStatus status, int attempt) {
        log.add(new LogEvent(log.size() + 1, T0, EventKind.JOB, "ws1", "cpu", null, name, status.name(), attempt,
                Message.of("text.recorded", "test")));
    }

    private static Node stored(String id, NodeState state) {
        return new Node(id, "ws1", "cpu", state, null, 0, null, T0, T0, null, null);
    }

    private static Job stored(String name, JobStatus status, int attempt) {
        JobSpec spec = new JobSpec(name, null, null, "cpu", "true", null, 1, Map.of(), null, null);
        return new Job("ws1", spec, status, attempt, T0, null, null, null, null, List.of());
    }

    private static NodeRow row(String id, Segment... segments) {
        return new NodeRow(id, Message.of("label.node-id", id), T0, List.of(segments), false, false);
    }

    private static Segment segment(String id, NodeState state, long start, Long end) {
        return new Segment(id, state, T0.plusSeconds(start), end == null ? null : T0.plusSeconds(end), null, null, null);
    }
}
