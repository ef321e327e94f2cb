package dev.computestudio.ui.timeline;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.timeline.Marker;
import dev.computestudio.service.timeline.MarkerKind;
import dev.computestudio.service.timeline.NodeRow;
import dev.computestudio.service.timeline.Segment;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.service.timeline.TimelineCsv;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The node timeline of one cluster of the selected workspace: what is loaded for the visible
 * span, how zoom, pan, the range picker and "follow live" move that span, what the pointer is
 * over, and the answer to "why?" for the selected marker. Loads run on the background executor,
 * at most one waiting at a time; results land on the FX thread.
 */
public final class TimelineViewModel {

    private static final double ZOOM_STEP = 0.8;
    private static final double PAN_STEP = 0.25;

    private final TimelineService timelines;
    private final ObservableValue<String> workspace;
    private final ServiceCalls calls;
    private final Messages messages;
    private final ZoneId zone;
    private final Consumer<String> openJob;

    // Properties
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedCluster = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper focusedNode = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<TimeRange> range = new ReadOnlyObjectWrapper<>(TimeRange.LAST_HOUR);
    private final BooleanProperty followLive = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Timeline> timeline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Hit> hovered = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Marker> selectedMarker = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper whyTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper whyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** The span "follow live" keeps ending at now; null follows from the cluster's creation (ALL). */
    private Duration followSpan = TimeRange.LAST_HOUR.span();
    /** The workspace has no cluster: the summary says so. */
    private boolean noClusters;
    /** What the next load reads: written on the FX thread, read by the background one. */
    private volatile Request request;
    /** The last load, reused while nothing new is logged; a race between two loads only costs a read. */
    private volatile Timeline lastLoaded;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean reloadQueued = new AtomicBoolean();

    private record Loaded(Request request, List<String> names, String cluster, Viewport span, Timeline timeline) {
    }

    private record Request(long generation, String workspace, String cluster, boolean follow, Duration followSpan,
                           Viewport viewport) {
    }

    /**
     * @param openJob opens a job by name (the studio shows the Jobs screen); called on the FX thread
     */
    public TimelineViewModel(TimelineService timelines, ObservableValue<String> workspace, UiThreads threads,
                             Messages messages, ZoneId zone, Consumer<String> openJob) {
        this.timelines = Objects.requireNonNull(timelines, "timelines");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.openJob = Objects.requireNonNull(openJob, "openJob");
        viewport.set(Viewport.ending(timelines.now(), followSpan));
        newRequest();
        workspace.addListener((observable, old, now) -> {
            clusters.clear();
            selectedCluster.set(null);
            clearTimeline();
            reload();
        });
        selectedCluster.addListener((observable, old, now) -> {
            if (!Objects.equals(old, now)) {
                clearTimeline();
                reload();
            }
        });
        followLive.addListener((observable, old, now) -> {
            if (now) {
                viewport.set(followSpan == null ? viewport.get() : Viewport.ending(timelines.now(), followSpan));
            }
            reload();
        });
        messages.bundleProperty().addListener((observable, old, now) -> showInLanguage());
    }

    // Commands

    /** Reads the clusters and the visible span again; call it off the FX thread (the shell does, every second). */
    public void refresh() {
        calls.callNow(this::loadLatest, this::showLoaded, this::showRefusal);
    }

    /** Loads the visible span again on the background executor (F5); at most one load waits at a time. */
    public void reload() {
        newRequest();
        if (reloadQueued.compareAndSet(false, true)) {
            calls.call(() -> {
                reloadQueued.set(false);
                return loadLatest();
            }, this::showLoaded, this::showRefusal);
        }
    }

    /** What the latest request asks for, read from storage: the clusters, and the chosen one's span. */
    private Loaded loadLatest() {
        Request asked = request;
        if (asked.workspace() == null) {
            return new Loaded(asked, List.of(), null, null, null);
        }
        List<ComputeCluster> found = timelines.clusters(asked.workspace());
        List<String> names = found.stream().map(ComputeCluster::name).toList();
        String cluster = names.contains(asked.cluster()) ? asked.cluster() : names.isEmpty() ? null : names.get(0);
        if (cluster == null) {
            return new Loaded(asked, names, null, null, null);
        }
        Viewport span = asked.follow() ? followed(asked, found, cluster) : asked.viewport();
        // Past the end by a nanosecond, so that what happened at the very end instant is in.
        Timeline loaded = timelines.reload(lastLoaded, asked.workspace(), cluster, span.start(),
                span.end().plusNanos(1));
        lastLoaded = loaded;
        return new Loaded(asked, names, cluster, span, loaded);
    }

    private void showLoaded(Loaded loaded) {
        if (loaded.request().workspace() == null) {
            clusters.clear();
            clearTimeline();
            return;
        }
        apply(clusters, loaded.names());
        String cluster = loaded.cluster();
        if (cluster == null) {
            selectedCluster.set(null);
            clearTimeline();
            noClusters = true;
            summary.set(summaryText());
            return;
        }
        if (!cluster.equals(selectedCluster.get())) {
            if (selectedCluster.get() != null && loaded.names().contains(selectedCluster.get())) {
                return; // the user picked another cluster meanwhile; its load follows
            }
            selectedCluster.set(cluster);
        }
        if (loaded.request().generation() != generation.get() && !followLive.get()) {
            return; // zoomed or panned meanwhile; the newer load follows
        }
        if (followLive.get()) {
            viewport.set(loaded.span());
        }
        show(loaded.timeline());
    }

    /** The workspace went away meanwhile: nothing to show; any other refusal is shown as the service words it. */
    private void showRefusal(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            clusters.clear();
            clearTimeline();
        } else {
            error.set(messages.format(refusal.problems().get(0).text()));
        }
    }

    /** Shows the last {@code chosen} span (or everything) and follows it live. */
    public void selectRange(TimeRange chosen) {
        range.set(Objects.requireNonNull(chosen, "chosen"));
        followSpan = chosen.span();
        if (chosen.span() != null) {
            viewport.set(Viewport.ending(timelines.now(), chosen.span()));
        }
        if (followLive.get()) {
            reload();
        } else {
            followLive.set(true);
        }
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) around {@code anchor} (0 the left edge, 1 the
     * right). While following live the right edge stays at now.
     */
    public void zoom(double factor, double anchor) {
        Viewport zoomed = viewport.get().zoom(factor, followLive.get() ? 1 : anchor);
        if (followLive.get()) {
            followSpan = zoomed.span();
        }
        range.set(rangeOf(zoomed.span()));
        viewport.set(zoomed);
        reload();
    }

    public void zoomIn() {
        zoom(ZOOM_STEP, 0.5);
    }

    public void zoomOut() {
        zoom(1 / ZOOM_STEP, 0.5);
    }

    /** Moves the view by {@code fraction} of its span (positive: later); stops following live. */
    public void pan(double fraction) {
        panFrom(viewport.get(), fraction);
    }

    public void panEarlier() {
        pan(-PAN_STEP);
    }

    public void panLater() {
        pan(PAN_STEP);
    }

    /** Drag: the view as it was when the drag started, moved by {@code fraction} of its span. */
    public void panFrom(Viewport start, double fraction) {
        followLive.set(false);
        range.set(null);
        viewport.set(start.pan(fraction).notAfter(timelines.now()));
        reload();
    }

    /** The pointer is over {@code hit} (null: over nothing). */
    public void hover(Hit hit) {
        hovered.set(hit);
        hoverText.set(hit == null ? "" : describe(hit));
    }

    /**
     * A click: a running segment opens its job; a marker answers "why?"; another segment answers
     * it for the decision that ended or began it, when there is one.
     */
    public void activate(Hit hit) {
        if (hit instanceof Hit.OnMarker onMarker) {
            selectMarker(onMarker.marker());
        } else if (hit instanceof Hit.OnSegment onSegment) {
            Segment segment = onSegment.segment();
            if (segment.state() == NodeState.RUNNING && segment.job() != null) {
                message.set(messages.render("timeline.message.openJob", segment.job()));
                openJob.accept(segment.job());
            } else {
                Marker about = markerAbout(segment);
                if (about != null) {
                    selectMarker(about);
                }
            }
        }
    }

    public void selectMarker(Marker marker) {
        selectedMarker.set(marker);
        if (marker == null) {
            whyTitle.set("");
            whyText.set("");
            return;
        }
        String key = whyKeyFor(marker);
        whyTitle.set(messages.get(key));
        whyText.set(messages.get(key + ".detail") + "\n" + messages.render("timeline.why.recorded",
                time(marker.at()), reason(marker.reason())));
    }

    /** Selects the next marker after the selected one (or the first in view); {@code step} -1 goes back. */
    public void stepMarker(int step) {
        Timeline shown = timeline.get();
        if (shown == null || shown.markers().isEmpty()) {
            return;
        }
        List<Marker> markers = shown.markers();
        // List.copyOf lists refuse indexOf(null).
        int index = selectedMarker.get() == null ? -1 : markers.indexOf(selectedMarker.get());
        int next = index < 0 ? (step > 0 ? 0 : markers.size() - 1)
                : Math.max(0, Math.min(markers.size() - 1, index + step));
        selectMarker(markers.get(next));
    }

    /** Writes the events of the loaded span as CSV; the outcome lands in {@link #messageProperty()}. */
    public void exportCsv(Path file) {
        Timeline shown = timeline.get();
        if (shown == null) {
            return;
        }
        calls.call(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                TimelineCsv.events(shown.events(), out);
                return messages.render("timeline.message.exported", file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, this::exported, refusal -> exportFailed(file, refusal));
    }

    /** Writes what the view drew of the visible span as a PNG file. */
    public void exportPng(Path file, RenderedImage image) {
        calls.call(() -> {
            try {
                return ImageIO.write(image, "png", file.toFile())
                        ? messages.render("timeline.message.exported", file.toString())
                        : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, done -> {
            if (done == null) {
                error.set(messages.render("timeline.message.exportFailed", file.toString(),
                        messages.get("timeline.message.noPngWriter")));
            } else {
                exported(done);
            }
        }, refusal -> exportFailed(file, refusal));
    }

    /** Shows a cluster's timeline (e.g. from the cluster details). */
    public void showCluster(String name) {
        selectedCluster.set(name);
    }

    /**
     * Shows a node's row on its cluster's timeline (the chart scrolls to it); false while that
     * cluster's timeline, with the node, is not read yet.
     */
    public boolean showNode(String cluster, String nodeId) {
        if (!clusters.contains(cluster)) {
            return false;
        }
        showCluster(cluster);
        focusedNode.set(nodeId);
        Timeline shown = timeline.get();
        return shown != null && cluster.equals(shown.cluster())
                && shown.rows().stream().anyMatch(row -> row.nodeId().equals(nodeId));
    }

    /** The node whose row the chart keeps in view; null for none. */
    public ReadOnlyStringProperty focusedNodeProperty() {
        return focusedNode.getReadOnlyProperty();
    }

    // Read-only views

    public ObservableList<String> clusters() {
        return FXCollections.unmodifiableObservableList(clusters);
    }

    public ObjectProperty<String> selectedClusterProperty() {
        return selectedCluster;
    }

    /** The range last picked, or null once zooming or panning left it. */
    public ReadOnlyObjectProperty<TimeRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** Whether the right edge stays at now; switching it on brings the view back to now. */
    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** What was loaded for the visible span, or null. */
    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Hit> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The tooltip of what the pointer is over: node, state, start, end, duration, job, reason. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Marker> selectedMarkerProperty() {
        return selectedMarker.getReadOnlyProperty();
    }

    /** The answer to "why?" for the selected marker, in a few words, e.g. "Not scaled down: idle time not reached". */
    public ReadOnlyStringProperty whyTitleProperty() {
        return whyTitle.getReadOnlyProperty();
    }

    /** The rule behind it and what the engine recorded. */
    public ReadOnlyStringProperty whyTextProperty() {
        return whyText.getReadOnlyProperty();
    }

    /** E.g. "3 nodes · 42 events · 09:00:00 – 10:00:00". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    /** A state's name in the current language, e.g. "running". */
    public String stateName(NodeState state) {
        return messages.display(state);
    }

    /** A row's name in the current language, e.g. "node 3". */
    public String rowLabel(NodeRow row) {
        return messages.format(row.label());
    }

    /** What a bar says: the job of a running segment, else the state. */
    public String barLabel(Segment segment) {
        return TimelineLayout.defaultLabel(segment, this::stateName);
    }

    // Internals

    private void newRequest() {
        request = new Request(generation.incrementAndGet(), workspace.getValue(), selectedCluster.get(),
                followLive.get(), followSpan, viewport.get());
    }

    private Viewport followed(Request asked, List<ComputeCluster> found, String cluster) {
        Instant now = timelines.now();
        if (asked.followSpan() != null) {
            return Viewport.ending(now, asked.followSpan());
        }
        Instant created = found.stream().filter(c -> c.name().equals(cluster)).findFirst()
                .map(ComputeCluster::createdAt).orElse(now);
        Instant start = created.isBefore(now.minus(Viewport.MIN_SPAN)) ? created : now.minus(Viewport.MIN_SPAN);
        return new Viewport(start, now);
    }

    private void show(Timeline loaded) {
        timeline.set(loaded);
        noClusters = false;
        error.set("");
        Hit hit = hovered.get();
        if (hit != null) {
            hover(refind(hit, loaded));
        }
        summary.set(summaryText());
    }

    /** E.g. "3 nodes · 42 events · 09:00:00 – 10:00:00" for what is shown. */
    private String summaryText() {
        Timeline shown = timeline.get();
        if (shown == null) {
            return noClusters ? messages.get("timeline.empty.noClusters") : "";
        }
        Viewport span = viewport.get();
        return messages.render("timeline.summary", shown.rows().size(), shown.events().size(), time(span.start()),
                time(span.end()));
    }

    /** The language changed: every text this view model made is made again in the new one. */
    private void showInLanguage() {
        hover(hovered.get());
        selectMarker(selectedMarker.get());
        summary.set(summaryText());
    }

    private String reason(Message reason) {
        return reason == null ? "" : messages.format(reason);
    }

    /** The same segment in a newer load (an open one has grown), so the tooltip follows it. */
    private static Hit refind(Hit hit, Timeline loaded) {
        if (hit instanceof Hit.OnSegment onSegment) {
            for (NodeRow row : loaded.rows()) {
                if (row.nodeId().equals(onSegment.row().nodeId())) {
                    for (Segment segment : row.segments()) {
                        if (segment.start().equals(onSegment.segment().start())) {
                            return new Hit.OnSegment(row, segment);
                        }
                    }
                }
            }
            return null;
        }
        return hit;
    }

    private void clearTimeline() {
        timeline.set(null);
        noClusters = false;
        hover(null);
        selectMarker(null);
        summary.set("");
    }

    private static void apply(ObservableList<String> list, List<String> fresh) {
        if (!list.equals(fresh)) {
            list.setAll(fresh);
        }
    }

    private static TimeRange rangeOf(Duration span) {
        for (TimeRange candidate : TimeRange.values()) {
            if (span.equals(candidate.span())) {
                return candidate;
            }
        }
        return null;
    }

    /** The decision a non-running segment is about: what removed the node, else what began the segment. */
    private Marker markerAbout(Segment segment) {
        Timeline shown = timeline.get();
        if (shown == null) {
            return null;
        }
        Marker found = null;
        for (Marker marker : shown.markers()) {
            boolean aboutNode = marker.concerns(segment.nodeId());
            boolean inside = !marker.at().isBefore(segment.start()) && (segment.end() == null
                    || !marker.at().isAfter(segment.end()));
            if (aboutNode && inside) {
                found = marker;
            }
        }
        return found;
    }

    private String describe(Hit hit) {
        if (hit instanceof Hit.OnMarker onMarker) {
            Marker marker = onMarker.marker();
            return messages.get(whyKeyFor(marker)) + "\n" + time(marker.at())
                    + (marker.reason() == null ? "" : "\n" + messages.format(marker.reason())) + "\n"
                    + messages.get("timeline.tip.whyClick");
        }
        Hit.OnSegment onSegment = (Hit.OnSegment) hit;
        Segment segment = onSegment.segment();
        Timeline shown = timeline.get();
        Instant end = shown == null ? segment.endWithin(timelines.now()) : shown.end();
        List<String> lines = new ArrayList<>();
        lines.add(rowLabel(onSegment.row()) + "  (" + segment.nodeId() + ")");
        lines.add(format("timeline.tip.state", stateName(segment.state())));
        lines.add(format("timeline.tip.start", time(segment.start())));
        lines.add(format("timeline.tip.end", segment.end() == null ? messages.get("timeline.tip.stillNow")
                : time(segment.end())));
        lines.add(format("timeline.tip.duration", duration(segment.duration(end))));
        if (segment.job() != null) {
            lines.add(format("timeline.tip.job", segment.job()));
        }
        if (segment.reason() != null) {
            lines.add(format("timeline.tip.reason", messages.format(segment.reason())));
        }
        if (segment.endReason() != null) {
            lines.add(format("timeline.tip.endReason", messages.format(segment.endReason())));
        }
        if (segment.state() == NodeState.RUNNING && segment.job() != null) {
            lines.add(messages.get("timeline.tip.openJob"));
        }
        return String.join("\n", lines);
    }

    private String format(String key, Object... arguments) {
        return messages.render(key, arguments);
    }

    /** Local time of day, with the date (its month named in the current language) when it is not today. */
    String time(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        boolean today = day.equals(timelines.now().atZone(zone).toLocalDate());
        return DateTimeFormatter.ofPattern(today ? "HH:mm:ss" : "d MMM HH:mm:ss",
                        messages.bundleProperty().get().getLocale())
                .withZone(zone).format(at);
    }

    /** E.g. "45 s", "2 min 05 s", "1 h 02 min". */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** The message key of a marker's answer; a decision this version does not know reads as a change. */
    private String whyKeyFor(Marker marker) {
        String key = "timeline.why." + whyKey(marker);
        return messages.contains(key) ? key : "timeline.why.change";
    }

    /** The message key part for a marker, e.g. {@code kept-idle-time}. */
    static String whyKey(Marker marker) {
        return switch (marker.kind()) {
            case CHANGE -> "change";
            case PREEMPTION -> "preempted";
            default -> marker.code().equals(NodeState.UNUSABLE.name()) ? "unusable" : kebab(marker.code());
        };
    }

    private static String kebab(String code) {
        if (code.contains("_")) {
            return code.toLowerCase(Locale.ROOT).replace('_', '-');
        }
        // CamelCase error codes: QuotaExceeded -> quota-exceeded
        return code.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private void exported(String done) {
        error.set("");
        message.set(done);
    }

    private void exportFailed(Path file, Refusal refusal) {
        error.set(messages.render("timeline.message.exportFailed", file.toString(),
                messages.format(refusal.problems().get(0).text())));
    }

    /** Marker kinds in the order the legend lists them. */
    public static List<MarkerKind> legendMarkers() {
        return List.of(MarkerKind.SCALE_UP, MarkerKind.SCALE_DOWN, MarkerKind.NOT_SCALED, MarkerKind.ERROR,
                MarkerKind.PREEMPTION, MarkerKind.CHANGE);
    }
}
