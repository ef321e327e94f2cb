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
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns what happens in the engine while the studio runs into short notices: a job completed,
 * failed or was canceled, a low-priority node was preempted (its job goes back to the queue), a
 * cluster cannot scale (quota, lock, no runner). History from before the studio started is not
 * replayed. {@link #poll()} runs off the FX thread; notices are added on the FX executor. A notice
 * is kept by code, so its words follow the language. The session's notices stay in a
 * {@link #history()} with an {@link #unreadProperty() unread count}, each one opening what it is about.
 */
public final class NotificationsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsViewModel.class);
    /** Events read per poll; more wait for the next one. */
    private static final int BATCH = 200;
    /** A burst (a demo preempting ten nodes) shows this many notices, then one that counts the rest. */
    static final int MAX_NOTICES_PER_POLL = 4;
    /** Notices kept for {@link #notices()}. */
    private static final int KEPT_NOTICES = 50;
    /** Notices kept for {@link #history()}: a long class, not the whole day. */
    static final int KEPT_HISTORY = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final int REMEMBERED_NODES = 1000;
    /** Engine reasons can be long (a whole troubleshooting hint); a notice shows the start. */
    private static final int LONGEST_TEXT = 220;

    /** How a notice looks: the kind of news it brings. */
    public enum Severity { INFORMATION, SUCCESS, WARNING, ERROR }

    /** What a notice tells; it sets its title and how it looks. */
    public enum Kind {
        JOB_COMPLETED(Severity.SUCCESS, "notify.job.completed.title"),
        JOB_FAILED(Severity.ERROR, "notify.job.failed.title"),
        JOB_CANCELED(Severity.WARNING, "notify.job.canceled.title"),
        NODE_PREEMPTED(Severity.WARNING, "notify.node.preempted.title"),
        QUOTA_EXCEEDED(Severity.ERROR, "notify.cluster.quota.title"),
        SCALING_LOCKED(Severity.ERROR, "notify.cluster.locked.title"),
        RUNNER_UNAVAILABLE(Severity.ERROR, "notify.cluster.runner.title"),
        /** Stands for the rest of a burst in the popups; the history has each one. */
        MORE(Severity.INFORMATION, "notify.more.title");

        private final Severity severity;
        private final String titleKey;

        Kind(Severity severity, String titleKey) {
            this.severity = severity;
            this.titleKey = titleKey;
        }

        public Severity severity() {
            return severity;
        }
    }

    /**
     * One notice, by code; {@link #title(Notice)} and {@link #text(Notice)} word it.
     *
     * @param subject what it is about, null for {@link Kind#MORE}
     * @param at      when the studio learnt it
     */
    public record Notice(Kind kind, Message text, StudioObject subject, Instant at) {

        public Notice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }

        public Severity severity() {
            return kind.severity();
        }
    }

    private final ActivityService activity;
    private final Messages messages;
    private final ServiceCalls calls;
    private final Clock clock;
    private final Consumer<StudioObject> opener;
    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final ObservableList<Notice> noticesView = FXCollections.unmodifiableObservableList(notices);
    private final ObservableList<Notice> history = FXCollections.observableArrayList();
    private final ObservableList<Notice> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    // A preempted node is logged again when its job is taken off it: tell about each node once.
    private final Set<String> preemptedNodes = new LinkedHashSet<>();
    private long lastSequence = -1;

    /**
     * @param clock  the wall clock (not the engine's, which a demo speeds up): when each notice came, in its zone
     * @param opener goes to what a notice is about, e.g. {@code ShellViewModel::open}
     */
    public NotificationsViewModel(ActivityService activity, Messages messages, UiThreads threads, Clock clock,
                                  Consumer<StudioObject> opener) {
        this.activity = Objects.requireNonNull(activity, "activity");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.opener = Objects.requireNonNull(opener, "opener");
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

    /** The history was seen: nothing is unread. */
    public void markAllRead() {
        unread.set(0);
    }

    /** Goes to what the notice is about; a notice about nothing in particular goes nowhere. */
    public void open(Notice notice) {
        if (notice.subject() != null) {
            opener.accept(notice.subject());
        }
    }

    /** The notice for an event; empty for events that are not news (a job placed, a node idle...). */
    public Optional<Notice> describe(LogEvent event) {
        return describe(event, clock.instant());
    }

    private Optional<Notice> describe(LogEvent event, Instant at) {
        return switch (event.kind()) {
            case JOB -> describeJob(event, at);
            case NODE -> describeNode(event, at);
            case CLUSTER -> describeCluster(event, at);
        };
    }

    private void show(List<LogEvent> events) {
        Instant now = clock.instant();
        List<Notice> news = new ArrayList<>();
        for (LogEvent event : events) {
            if (event.kind() == EventKind.NODE && isPreemption(event) && !preemptedNodes.add(key(event))) {
                continue;
            }
            describe(event, now).ifPresent(news::add);
        }
        keepInHistory(news);
        while (preemptedNodes.size() > REMEMBERED_NODES) {
            preemptedNodes.remove(preemptedNodes.iterator().next());
        }
        List<Notice> shown = news.size() <= MAX_NOTICES_PER_POLL ? news
                : new ArrayList<>(news.subList(0, MAX_NOTICES_PER_POLL - 1));
        if (news.size() > shown.size()) {
            shown.add(new Notice(Kind.MORE, Message.of("notify.more.text", news.size() - shown.size()), null, now));
        }
        notices.addAll(shown);
        if (notices.size() > KEPT_NOTICES) {
            notices.remove(0, notices.size() - KEPT_NOTICES);
        }
    }

    /**
     * One change for the whole poll: a list over the history redoes its cells on each change, and a
     * busy class brings a few hundred notices every poll.
     */
    private void keepInHistory(List<Notice> news) {
        List<Notice> newestFirst = new ArrayList<>(news);
        Collections.reverse(newestFirst);
        history.addAll(0, newestFirst);
        if (history.size() > KEPT_HISTORY) {
            history.remove(KEPT_HISTORY, history.size());
        }
        unread.set(Math.min(unread.get() + news.size(), history.size()));
    }

    private Optional<Notice> describeJob(LogEvent event, Instant at) {
        JobStatus status;
        try {
            status = JobStatus.valueOf(event.state());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Message reason = event.reason();
        boolean explained = reason != null;
        StudioObject job = StudioObject.job(event.workspace(), event.jobName());
        return switch (status) {
            case COMPLETED -> Optional.of(new Notice(Kind.JOB_COMPLETED,
                    Message.of("notify.job.completed.text", event.jobName(), event.workspace(), event.cluster()),
                    job, at));
            case FAILED -> Optional.of(new Notice(Kind.JOB_FAILED, explained
                    ? Message.of("notify.job.failed.reason", event.jobName(), event.workspace(), reason)
                    : Message.of("notify.job.failed.text", event.jobName(), event.workspace()), job, at));
            case CANCELED -> Optional.of(new Notice(Kind.JOB_CANCELED,
                    Message.of("notify.job.canceled.text", event.jobName(), event.workspace()), job, at));
            default -> Optional.empty();
        };
    }

    private Optional<Notice> describeNode(LogEvent event, Instant at) {
        if (!isPreemption(event)) {
            return Optional.empty();
        }
        Message text = event.jobName() == null
                ? Message.of("notify.node.preempted.text", event.nodeId(), event.cluster(), event.workspace())
                : Message.of("notify.node.preempted.requeued", event.nodeId(), event.cluster(), event.workspace(),
                        event.jobName());
        // The node is gone with its preemption: its cluster shows what became of it.
        return Optional.of(new Notice(Kind.NODE_PREEMPTED, text,
                StudioObject.cluster(event.workspace(), event.cluster()), at));
    }

    private Optional<Notice> describeCluster(LogEvent event, Instant at) {
        String cluster = event.cluster();
        String workspace = event.workspace();
        StudioObject subject = StudioObject.cluster(workspace, cluster);
        return switch (event.state()) {
            case ClusterError.QUOTA_EXCEEDED -> Optional.of(new Notice(Kind.QUOTA_EXCEEDED,
                    Message.of("notify.cluster.quota.text", cluster, workspace), subject, at));
            case ClusterError.SCOPE_LOCKED -> Optional.of(new Notice(Kind.SCALING_LOCKED,
                    Message.of("notify.cluster.locked.text", cluster, workspace), subject, at));
            case ClusterError.RUNNER_UNAVAILABLE -> Optional.of(new Notice(Kind.RUNNER_UNAVAILABLE,
                    Message.of("notify.cluster.runner.text", cluster, workspace), subject, at));
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
        return messages.text(notice.kind().titleKey);
    }

    /** What a notice is about, e.g. "Job train-1 in ml-dev", following the language; empty when about nothing. */
    public StringBinding subject(Notice notice) {
        StudioObject subject = notice.subject();
        if (subject == null) {
            return Bindings.createStringBinding(() -> "");
        }
        String key = subject.kind() == StudioObject.Kind.CLUSTER ? "notify.subject.cluster" : "notify.subject.job";
        return Bindings.createStringBinding(() -> messages.render(key, subject.name(), subject.workspace()),
                messages.bundleProperty());
    }

    /** When the studio learnt it, in the wall clock's zone, e.g. {@code 14:03:12}. */
    public String time(Notice notice) {
        return TIME.format(notice.at().atZone(clock.getZone()));
    }

    /** A notice's sentence in the current language, following it: its first line, cut when long. */
    public StringBinding text(Notice notice) {
        return Bindings.createStringBinding(() -> shorten(messages.format(notice.text())), messages.bundleProperty());
    }

    /** The latest notices to pop up, oldest first, added as events arrive (a burst counted in one); unmodifiable. */
    public ObservableList<Notice> notices() {
        return noticesView;
    }

    /** This session's notices, newest first, each one of a burst too, the last {@value #KEPT_HISTORY}; unmodifiable. */
    public ObservableList<Notice> history() {
        return historyView;
    }

    /** Notices that came since the history was last seen. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public int unread() {
        return unread.get();
    }
}
