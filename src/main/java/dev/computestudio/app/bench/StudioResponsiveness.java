package dev.computestudio.app.bench;

import dev.computestudio.app.AppContext;
import dev.computestudio.app.StudioApp;
import dev.computestudio.cli.BenchmarkSuite.Figure;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.ui.shell.Screen;
import javafx.application.Platform;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The studio under load: 50 clusters and 2,000 jobs while the engine runs them and every screen
 * refreshes live; the benchmark walks through every screen and measures, on each, how long the
 * FX thread took to open it (a click's answer) and then its pauses while it stays shown and
 * refreshes (the longest and the 99th percentile). Needs a display (Xvfb works).
 */
final class StudioResponsiveness {

    private static final int CLUSTERS = 50;
    private static final int JOBS = 2_000;
    private static final List<Screen> WALK = List.of(Screen.values());

    List<Figure> run(boolean quick, PrintWriter progress) throws Exception {
        Path folder = Files.createTempDirectory("compute-studio-bench-studio");
        AppContext context = AppContext.open(folder, RunnerChoice.PROCESS, "benchmark");
        progress.println("bench: studio with " + CLUSTERS + " clusters and " + JOBS + " jobs, walking the screens...");
        progress.flush();
        context.workspaces().create("load", null, null);
        context.quota().setLimit("load", "standardDSv2Family", 1000);
        context.quota().setLimit("load", "totalDedicatedVCpus", 1000);
        for (int c = 0; c < CLUSTERS; c++) {
            context.compute().create("load", "cluster" + (char) ('a' + c / 26) + (char) ('a' + c % 26),
                    ClusterSpec.defaults("Standard_DS1_v2").withScale(0, 2, Duration.ofSeconds(30)));
        }
        for (int j = 0; j < JOBS; j++) {
            int c = j % CLUSTERS;
            context.jobs().submit("load", new JobSpec("job-" + j, null, null,
                    "cluster" + (char) ('a' + c / 26) + (char) ('a' + c % 26), "echo job " + j + "; sleep 1", null, 1,
                    Map.of(), null, null));
        }
        context.engine().start();
        Map<Screen, FxLatencyProbe> probes = new java.util.EnumMap<>(Screen.class);
        Map<Screen, Double> openings = new java.util.EnumMap<>(Screen.class);
        WALK.forEach(screen -> probes.put(screen, new FxLatencyProbe()));
        AtomicReference<Exception> failure = new AtomicReference<>();
        long perScreen = quick ? 3_000 : 8_000;
        StudioApp.launchWith(context, shell -> new Thread(() -> {
            try {
                for (Screen screen : WALK) {
                    openings.put(screen, FxLatencyProbe.timeOnFxThread(() -> shell.select(screen)));
                    probes.get(screen).run(perScreen);
                }
            } catch (Exception e) {
                failure.set(e);
            } finally {
                Platform.exit();
            }
        }, "studio-bench").start());
        context.close();
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Figure> figures = new java.util.ArrayList<>();
        for (Screen screen : WALK) {
            FxLatencyProbe probe = probes.get(screen);
            String where = screen.name().toLowerCase(java.util.Locale.ROOT) + " screen";
            figures.add(new Figure("studio under load", "FX longest pause, " + where, probe.max(), "ms",
                    CLUSTERS + " clusters, " + JOBS + " jobs, live refresh, " + probe.samples() + " probes"));
            figures.add(new Figure("studio under load", "FX pause p99, " + where, probe.percentile(99), "ms", ""));
            figures.add(new Figure("studio under load", "opening the " + where, openings.get(screen), "ms",
                    "from the click to the FX thread's next free moment"));
        }
        return figures;
    }
}
