package dev.computestudio.app.bench;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.BenchmarkSuite.Figure;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.InstantNodeRunner;
import dev.computestudio.service.TimelineService;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.ui.timeline.TimelineLayout;
import dev.computestudio.ui.timeline.Viewport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The node timeline's figures: 1,000 nodes and 100,000 state changes in an H2 file; the time to
 * read the visible window (last hour, and the whole day), and the time to lay out one frame of
 * it. With {@code --studio}, a separate JVM also draws those frames on a real canvas (the
 * studio benchmark owns this JVM's JavaFX toolkit).
 */
final class TimelineBenchmarks {

    /** The chart's canvas in the studio window at its default size. */
    static final double CANVAS_WIDTH = 1000;
    static final double CANVAS_HEIGHT = 560;

    List<Figure> run(boolean quick, boolean studio, PrintWriter progress) throws Exception {
        int querySamples = quick ? 10 : 30;
        Path folder = Files.createTempDirectory("compute-studio-bench-timeline");
        List<Figure> figures = new ArrayList<>();
        try (AppContext context = AppContext.over(folder, Database.openFile(folder), new InstantNodeRunner(),
                Clock.systemUTC(), EngineSettings.defaults(), "benchmark")) {
            progress.println("bench: timeline, writing " + TimelineBenchData.NODES + " nodes and "
                    + TimelineBenchData.NODES * TimelineBenchData.CHANGES_PER_NODE + " state changes to H2...");
            progress.flush();
            TimelineBenchData data = TimelineBenchData.generate(Instant.now());
            store(context, data);
            TimelineService timelines = context.timeline();
            Instant end = data.end.plusNanos(1);

            progress.println("bench: timeline, querying the visible window " + querySamples + " times...");
            progress.flush();
            Instant hourAgo = data.end.minus(Duration.ofHours(1));
            List<Double> hour = time(querySamples, () -> timelines.load(TimelineBenchData.WORKSPACE,
                    TimelineBenchData.CLUSTER, hourAgo, end));
            Timeline lastHour = timelines.load(TimelineBenchData.WORKSPACE, TimelineBenchData.CLUSTER, hourAgo, end);
            Instant dayAgo = data.end.minus(TimelineBenchData.SPAN);
            List<Double> day = time(Math.max(5, querySamples / 3), () -> timelines.load(TimelineBenchData.WORKSPACE,
                    TimelineBenchData.CLUSTER, dayAgo, end));
            Timeline wholeDay = timelines.load(TimelineBenchData.WORKSPACE, TimelineBenchData.CLUSTER, dayAgo, end);
            figures.add(new Figure("timeline query", "visible window, last 1 h, median", percentile(hour, 50), "ms",
                    "p95 " + format(percentile(hour, 95)) + " ms; " + lastHour.events().size() + " events in the "
                            + "window, " + lastHour.rows().size() + " nodes, each with its state at the window start; "
                            + "H2 file"));
            figures.add(new Figure("timeline query", "whole day (All), median", percentile(day, 50), "ms",
                    "p95 " + format(percentile(day, 95)) + " ms; " + wholeDay.events().size() + " events, "
                            + wholeDay.segmentCount() + " segments"));

            progress.println("bench: timeline, laying out frames...");
            progress.flush();
            int frames = quick ? 100 : 400;
            figures.add(frameFigure("last 1 h", lastHour, frames));
            figures.add(frameFigure("whole day", wholeDay, frames));
        } finally {
            deleteTree(folder);
        }
        if (studio) {
            figures.addAll(canvasInAnotherJvm(quick, progress));
        }
        return figures;
    }

    private static void store(AppContext context, TimelineBenchData data) {
        context.workspaces().create(TimelineBenchData.WORKSPACE, null, null);
        context.compute().create(TimelineBenchData.WORKSPACE, TimelineBenchData.CLUSTER,
                ClusterSpec.defaults("Standard_D1_v2").withScale(0, 100, ClusterSpec.DEFAULT_IDLE_TIME));
        Repositories stores = context.database().repositories();
        for (Node node : data.nodes) {
            stores.nodes().insert(node);
        }
        List<LogEvent> events = data.events;
        for (int from = 0; from < events.size(); from += 2_000) {
            stores.events().append(events.subList(from, Math.min(events.size(), from + 2_000)));
        }
    }

    private static Figure frameFigure(String span, Timeline timeline, int samples) {
        Viewport viewport = new Viewport(timeline.from(), timeline.end());
        List<Double> times = time(samples, () -> new TimelineLayout(timeline, viewport, CANVAS_WIDTH, CANVAS_HEIGHT,
                0, ZoneOffset.UTC, Locale.ROOT).frame(segment -> segment.job() != null ? segment.job()
                : segment.state().restName()));
        TimelineLayout.Frame frame = new TimelineLayout(timeline, viewport, CANVAS_WIDTH, CANVAS_HEIGHT, 0,
                ZoneOffset.UTC, Locale.ROOT).frame(segment -> segment.state().restName());
        return new Figure("timeline frame layout", span + ", median", percentile(times, 50), "ms",
                "p95 " + format(percentile(times, 95)) + " ms; " + frame.bars().size() + " bars, "
                        + frame.rows().size() + " visible rows of " + timeline.rows().size() + ", "
                        + (int) CANVAS_WIDTH + "x" + (int) CANVAS_HEIGHT + " px, no toolkit");
    }

    /** Runs {@link TimelineCanvasBenchmark} in a new JVM with this one's JavaFX options and reads its figures. */
    private static List<Figure> canvasInAnotherJvm(boolean quick, PrintWriter progress) throws Exception {
        progress.println("bench: timeline, drawing frames on a real canvas (separate JVM)...");
        progress.flush();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                TimelineCanvasBenchmark.class.getName(), quick ? "quick" : "full"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Figure> figures = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Figure figure = TimelineCanvasBenchmark.parse(line);
                if (figure != null) {
                    figures.add(figure);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the canvas benchmark JVM failed; is there a display (xvfb-run)?");
        }
        return figures;
    }

    /** Milliseconds per run, after as many warm-up runs. */
    static List<Double> time(int samples, Supplier<?> work) {
        for (int i = 0; i < samples; i++) {
            work.get();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times;
    }

    static double percentile(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
