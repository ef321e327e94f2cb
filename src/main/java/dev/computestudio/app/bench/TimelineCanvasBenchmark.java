package dev.computestudio.app.bench;

import dev.computestudio.cli.BenchmarkSuite.Figure;
import dev.computestudio.service.timeline.Timeline;
import dev.computestudio.ui.timeline.TimelineLayout;
import dev.computestudio.ui.timeline.TimelinePainter;
import dev.computestudio.ui.timeline.Viewport;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Draws timeline frames on a real JavaFX canvas and prints the figures, one per line, for
 * {@link TimelineBenchmarks} to read. Run in a JVM of its own: it starts the toolkit itself.
 */
public final class TimelineCanvasBenchmark {

    private static final String PREFIX = "figure\t";

    private TimelineCanvasBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = args.length > 0 && args[0].equals("quick");
        int samples = quick ? 50 : 200;
        TimelineBenchData data = TimelineBenchData.generate(Instant.now());
        List<Figure> figures = new ArrayList<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        for (boolean wholeDay : new boolean[] {false, true}) {
            Timeline timeline = data.timeline(data.end.minus(wholeDay ? TimelineBenchData.SPAN : Duration.ofHours(1)));
            CompletableFuture<List<Figure>> measured = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    measured.complete(measure(timeline, wholeDay ? "whole day" : "last 1 h", samples));
                } catch (RuntimeException e) {
                    measured.completeExceptionally(e);
                }
            });
            figures.addAll(measured.get(5, TimeUnit.MINUTES));
        }
        Platform.exit();
        figures.forEach(figure -> System.out.println(PREFIX + figure.benchmark() + "\t" + figure.metric() + "\t"
                + figure.value() + "\t" + figure.unit() + "\t" + figure.note()));
        System.out.flush();
        System.exit(0);
    }

    /** On the FX thread: layout and paint, then paint and rasterize (a snapshot renders the canvas at once). */
    private static List<Figure> measure(Timeline timeline, String span, int samples) {
        Canvas canvas = new Canvas(TimelineBenchmarks.CANVAS_WIDTH, TimelineBenchmarks.CANVAS_HEIGHT);
        TimelinePainter painter = new TimelinePainter();
        Viewport viewport = new Viewport(timeline.from(), timeline.end());
        Runnable draw = () -> {
            TimelineLayout layout = new TimelineLayout(timeline, viewport, canvas.getWidth(), canvas.getHeight(), 0,
                    ZoneOffset.UTC, Locale.ROOT);
            TimelineLayout.Frame frame = layout.frame(segment -> segment.job() != null ? segment.job()
                    : segment.state().restName());
            painter.paint(canvas.getGraphicsContext2D(), layout, frame, TimelinePainter.Colors.LIGHT, "now");
        };
        List<Double> drawOnly = TimelineBenchmarks.time(samples, () -> {
            draw.run();
            return null;
        });
        SnapshotParameters parameters = new SnapshotParameters();
        List<Double> rendered = TimelineBenchmarks.time(Math.max(10, samples / 4), () -> {
            draw.run();
            return canvas.snapshot(parameters, null);
        });
        List<Double> blank = TimelineBenchmarks.time(Math.max(10, samples / 4), () -> {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return canvas.snapshot(parameters, null);
        });
        String size = (int) canvas.getWidth() + "x" + (int) canvas.getHeight() + " px";
        return List.of(
                new Figure("timeline frame on canvas", span + ", layout + draw calls, median",
                        TimelineBenchmarks.percentile(drawOnly, 50), "ms", "p95 "
                        + TimelineBenchmarks.format(TimelineBenchmarks.percentile(drawOnly, 95)) + " ms; FX thread, "
                        + size + ", prism " + System.getProperty("prism.order", "default")),
                new Figure("timeline frame on canvas", span + ", draw + rasterize (snapshot), median",
                        TimelineBenchmarks.percentile(rendered, 50), "ms", "p95 "
                        + TimelineBenchmarks.format(TimelineBenchmarks.percentile(rendered, 95))
                        + " ms; the snapshot of the cleared canvas alone (pixel read-back) takes "
                        + TimelineBenchmarks.format(TimelineBenchmarks.percentile(blank, 50)) + " ms"));
    }

    /** A figure from a line this program printed, or null for any other line. */
    static Figure parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = line.substring(PREFIX.length()).split("\t", -1);
        return new Figure(parts[0], parts[1], Double.parseDouble(parts[2]), parts[3], parts[4]);
    }

}
