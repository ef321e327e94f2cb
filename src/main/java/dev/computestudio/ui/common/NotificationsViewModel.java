package dev.computestudio.ui.common;

import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.ActivityService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what happens in the engine while the studio runs into short notices: a job completed,
 * failed or was canceled, a low-priority node was preempted (its job goes back to the queue), a
 * cluster cannot scale (quota, lock, no runner). History from before the studio started is not
 * replayed. {@link #poll()} runs off the FX thread; notices are added on the FX executor. A notice
 * is kept by code, so its words follow the language.
 */
public final class NotificationsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsViewModel.class);
    /** Events read per poll; more wait for the next one. */
    private static final int BATCH = 200;
    /** A burst (a demo preempting ten nodes) shows this many notices, then one that counts the rest. */
    static final int MAX_NOTICES_PER_POLL = 4;
    /** Notices kept for {@link #notices()}. */
    private static final int KEPT_NOTICES = 50;
    private static final int REMEMBERED_NODES = 1000;
    /** Engine reasons can be long (a whole troubleshooting hint); a notice shows the start. */
    private static final int LONGEST_TEXT = 220;

    /** How a notice looks: the kind of news it brings. */
    public enum Severity { INFORMATION, SUCCESS, WARNING, ERROR }

    /** One notice, by code; {@link #title(Notice)} and {@link #text(Notice)} word it. */
    public record Notice(Severity severity, Message title, Message text) {

        public Notice {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
        }
    }

    private final ActivityService activity;
    private final Messages messages;
    private final ServiceCalls calls;
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ObservableList<Notice> noticesView = FXCollections.unmodifiableObservableList(notices);
    // A preempted node is logged again when its job is taken off it: tell about each node once.
    private final Set<String> preemptedNodes = new LinkedHashSet<>();
    private long lastSequence = -1;

    public NotificationsViewModel(ActivityService activity, Messages messages, UiThreads threads) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
    }

    // Commands

    /**
     * Reads the events logged since the last poll and posts their notices. The first poll only
     * notes where the log stands. Call it off the FX thread, from one thread at a time; it never throws.
     */
    public void poll() {
        try {
            if (lastSequence < 0) {
                lastSequence = activity.latestSequence();
                return;
            }
            List<LogEvent> events = activity.since(lastSequence, BATCH);
            if (events.isEmpty()) {
                return;
            }
            lastSequence = events.get(events.size() - 1).sequence();
            calls.fx(() -> show(events));
        } catch (RuntimeException e) {
            LOG.warn("Could not read the event log for notifications", e);
        }
    }

    /** The notice for an event; empty for events that are not news (a job placed, a node idle...). */
    public Optional<Notice> describe(LogEvent event) {
        return switch (event.kind()) {
            case JOB -> describeJob(event);
            case NODE -> describeNode(event);
            case CLUSTER -> describeCluster(event);
        };
    }

    private void show(List<LogEvent> events) {
        List<Notice> news = new ArrayList<>();
        for (LogEvent event : events) {
            if (event.kind() == EventKind.NODE && isPreemption(event) && !preemptedNodes.add(key(event))) {
                continue;
            }
            describe(event).ifPresent(news::add);
        }
        while (preemptedNodes.size() > REMEMBERED_NODES) {
            preemptedNodes.remove(preemptedNodes.iterator().next());
        }
        List<Notice> shown = news.size() <= MAX_NOTICES_PER_POLL ? news
                : new ArrayList<>(news.subList(0, MAX_NOTICES_PER_POLL - 1));
        if (news.size() > shown.size()) {
            shown.add(new Notice(Severity.INFORMATION, Message.of("notify.more.title"),
                    Message.of("notify.more.text", news.size() - shown.size())));
        }
        notices.addAll(shown);
        if (notices.size() > KEPT_NOTICES) {
            notices.remove(0, notices.size() - KEPT_NOTICES);
        }
    }

    private Optional<Notice> describeJob(LogEvent event) {
        JobStatus status;
        try {
            status = JobStatus.valueOf(event.state());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Message reason = event.reason();
        boolean explained = reason != null;
        return switch (status) {
            case COMPLETED -> Optional.of(new Notice(Severity.SUCCESS, Message.of("notify.job.completed.title"),
                    Message.of("notify.job.completed.text", event.jobName(), event.workspace(), event.cluster())));
            case FAILED -> Optional.of(new Notice(Severity.ERROR, Message.of("notify.job.failed.title"), explained
                    ? Message.of("notify.job.failed.reason", event.jobName(), event.workspace(), reason)
                    : Message.of("notify.job.failed.text", event.jobName(), event.workspace())));
            case CANCELED -> Optional.of(new Notice(Severity.WARNING, Message.of("notify.job.canceled.title"),
                    Message.of("notify.job.canceled.text", event.jobName(), event.workspace())));
            default -> Optional.empty();
        };
    }

    private Optional<Notice> describeNode(LogEvent event) {
        if (!isPreemption(event)) {
            return Optional.empty();
        }
        Message text = event.jobName() == null
                ? Message.of("notify.node.preempted.text", event.nodeId(), event.cluster(), event.workspace())
                : Message.of("notify.node.preempted.requeued", event.nodeId(), event.cluster(), event.workspace(),
                        event.jobName());
        return Optional.of(new Notice(Severity.WARNING, Message.of("notify.node.preempted.title"), text));
    }

    private Optional<Notice> describeCluster(LogEvent event) {
        String cluster = event.cluster();
        String workspace = event.workspace();
        return switch (event.state()) {
            case ClusterError.QUOTA_EXCEEDED -> Optional.of(new Notice(Severity.ERROR,
                    Message.of("notify.cluster.quota.title"), Message.of("notify.cluster.quota.text", cluster, workspace)));
            case ClusterError.SCOPE_LOCKED -> Optional.of(new Notice(Severity.ERROR,
                    Message.of("notify.cluster.locked.title"),
                    Message.of("notify.cluster.locked.text", cluster, workspace)));
            case ClusterError.RUNNER_UNAVAILABLE -> Optional.of(new Notice(Severity.ERROR,
                    Message.of("notify.cluster.runner.title"),
                    Message.of("notify.cluster.runner.text", cluster, workspace)));
            default -> Optional.empty();
        };
    }

    private static boolean isPreemption(LogEvent event) {
        return event.kind() == EventKind.NODE && NodeState.PREEMPTED.name().equals(event.state());
    }

    private static String key(LogEvent event) {
        return event.workspace() + "/" + event.cluster() + "/" + event.nodeId();
    }

    private static String shorten(String text) {
        String firstLine = text.strip().lines().findFirst().orElse("");
        return firstLine.length() <= LONGEST_TEXT ? firstLine : firstLine.substring(0, LONGEST_TEXT - 1) + "…";
    }

    // Read-only views

    /** A notice's title in the current language, following it. */
    public StringBinding title(Notice notice) {
        return messages.text(notice.title());
    }

    /** A notice's sentence in the current language, following it: its first line, cut when long. */
    public StringBinding text(Notice notice) {
        return Bindings.createStringBinding(() -> shorten(messages.format(notice.text())), messages.bundleProperty());
    }

    /** The latest notices, oldest first, added as events arrive; unmodifiable. */
    public ObservableList<Notice> notices() {
        return noticesView;
    }
}
