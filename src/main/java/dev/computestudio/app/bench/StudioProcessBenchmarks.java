package dev.computestudio.app.bench;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.BenchmarkSuite.Figure;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.QuotaKeys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real studio as a user starts it, in a process of its own on the display (Xvfb works): its
 * cold start against a bare JavaFX window's, then its heap and resident size with a loaded
 * workspace.
 */
final class StudioProcessBenchmarks {

    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms");
    private static final Pattern BARE_FIRST_FRAME = Pattern.compile(BareWindow.FIRST_FRAME + " (\\d+) ms");
    /** Set by the {@code compute-studio} launcher script to its own path. */
    private static final String LAUNCHER_PROPERTY = "compute-studio.launcher";
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final int CLUSTERS = 50;
    private static final int NODES_PER_CLUSTER = 20;
    private static final int EVENTS = 100_000;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    List<Figure> run(boolean quick, PrintWriter progress) throws Exception {
        Optional<List<String>> display = displayPrefix();
        if (display.isEmpty()) {
            progress.println("bench: no display and no xvfb-run; the studio start and memory figures are skipped");
            return List.of();
        }
        List<Figure> figures = new ArrayList<>(coldStart(display.get(), quick ? 1 : 5, progress));
        progress.println("bench: studio memory with " + CLUSTERS + " clusters, " + CLUSTERS * NODES_PER_CLUSTER
                + " nodes, " + EVENTS + " events...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench-memory");
        try {
            populate(folder);
            try (Studio studio = Studio.start(display.get(), studioCommand(folder), READY)) {
                figures.add(new Figure("studio cold start", "JVM start to first frame, loaded data", studio.readyMillis,
                        "ms", CLUSTERS + " clusters, " + CLUSTERS * NODES_PER_CLUSTER + " nodes, " + EVENTS + " events"));
                Thread.sleep(quick ? 3_000 : 8_000); // the engine's first passes and the screens' first refreshes
                long rss = studio.residentKilobytes();
                long[] heap = studio.heapKilobytes();
                String setup = CLUSTERS + " clusters, " + CLUSTERS * NODES_PER_CLUSTER + " nodes, " + EVENTS
                        + " events, compute screen, engine running";
                figures.add(new Figure("studio memory", "resident size (RSS)", rss / 1024.0, "MB", setup));
                figures.add(new Figure("studio memory", "heap used after full GC", heap[1] / 1024.0, "MB",
                        "jcmd GC.heap_info after GC.run"));
                figures.add(new Figure("studio memory", "heap committed", heap[0] / 1024.0, "MB", ""));
            }
        } finally {
            EngineBenchmarks.deleteTree(folder);
        }
        return figures;
    }

    /**
     * The studio's first frame against a bare JavaFX window's, started alternately so that both meet
     * the same load: the studio as a user starts it (through {@code ./compute-studio} when the bench
     * runs from it, with the class-data archive it records), the bare window as plain {@code java}.
     * Both are timed from process start to the line they print at their first frame, so the launcher
     * script's own work counts too. One start of each first warms the file cache, and the studio's
     * makes the data folder that the measured starts open; that first start is reported on its own.
     */
    private List<Figure> coldStart(List<String> display, int samples, PrintWriter progress) throws Exception {
        Optional<Path> launcher = launcher();
        progress.println("bench: cold start to first frame, a bare JavaFX window against the studio "
                + launcher.map(l -> "through " + l).orElse("as java") + ", " + samples + " starts each...");
        progress.flush();
        List<Double> bare = new ArrayList<>();
        List<Double> studio = new ArrayList<>();
        List<Double> studioReady = new ArrayList<>();
        double firstReady = 0;
        boolean archived = launcher.map(l -> Files.exists(l.resolveSibling("target/cds/compute-studio.jsa")))
                .orElse(true);
        // Without its archive, the launcher's first start records it and the second checks it.
        int warmUps = archived ? 1 : 3;
        // One data folder for every start: the first makes its schema, as a user's first start does once;
        // the starts measured are a user's everyday ones.
        Path folder = Files.createTempDirectory("compute-studio-bench-start");
        try {
            for (int i = -warmUps; i < samples; i++) {
                try (Studio window = Studio.start(display, bareWindowCommand(), BARE_FIRST_FRAME)) {
                    if (i >= 0) {
                        bare.add((double) window.wallMillis);
                    }
                }
                try (Studio started = Studio.start(display, launcher.map(l -> launcherCommand(l, folder))
                        .orElseGet(() -> studioCommand(folder)), READY)) {
                    if (i == -warmUps) {
                        firstReady = started.readyMillis;
                    } else if (i >= 0) {
                        studio.add((double) started.wallMillis);
                        studioReady.add((double) started.readyMillis);
                    }
                }
            }
        } finally {
            EngineBenchmarks.deleteTree(folder);
        }
        double bareMedian = EngineBenchmarks.percentile(sorted(bare), 50);
        double studioMedian = EngineBenchmarks.percentile(sorted(studio), 50);
        String how = samples + " starts each, alternating, process start to first frame";
        return List.of(
                new Figure("studio cold start", "bare JavaFX window, first frame, median", bareMedian, "ms", how),
                new Figure("studio cold start", "studio " + launcher.map(l -> "through the launcher").orElse("as java")
                        + ", first frame, median", studioMedian, "ms", how + ", its data folder made by a first start"),
                new Figure("studio cold start", "studio against bare window, median ratio", studioMedian / bareMedian,
                        "x", "target: at most 2"),
                new Figure("studio cold start", "JVM start to first frame, median", EngineBenchmarks.percentile(
                        sorted(studioReady), 50), "ms", "the studio's 'ready in N ms' log line"),
                new Figure("studio cold start", "JVM start to first frame, new data folder", firstReady, "ms",
                        "one start, which makes the schema (Flyway)"));
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    /** The launcher script that started this bench, which names itself in a system property. */
    private static Optional<Path> launcher() {
        return Optional.ofNullable(System.getProperty(LAUNCHER_PROPERTY)).map(Path::of).filter(Files::isExecutable);
    }

    private static List<String> launcherCommand(Path launcher, Path dataFolder) {
        return List.of(launcher.toString(), "--data-dir", dataFolder.toString(), "--runner", "process");
    }

    /** The studio started as the launcher starts it, with its module options and class-data archive. */
    private static List<String> studioCommand(Path dataFolder) {
        List<String> command = javaWithModules();
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-") || arg.startsWith("-XX:SharedArchiveFile=")
                        || arg.startsWith("-Xshare:") || arg.startsWith("-Xlog:cds"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.computestudio.app.Main",
                "--data-dir", dataFolder.toString(), "--runner", "process"));
        return command;
    }

    private static List<String> bareWindowCommand() {
        List<String> command = javaWithModules();
        command.addAll(List.of("--add-modules", "javafx.controls", "-cp", System.getProperty("java.class.path"),
                BareWindow.class.getName()));
        return command;
    }

    private static List<String> javaWithModules() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String modules = System.getProperty("jdk.module.path");
        if (modules != null && !modules.isEmpty()) {
            command.add("--module-path=" + modules);
        }
        return command;
    }

    /** The clusters at min = max so their nodes stay, ready; then a day of node events drawn on the timeline. */
    private static void populate(Path folder) {
        try (AppContext context = AppContext.open(folder, RunnerChoice.PROCESS, "benchmark")) {
            context.workspaces().create("load", null, null);
            context.quota().setLimit("load", "standardDv2Family", CLUSTERS * NODES_PER_CLUSTER);
            context.quota().setLimit("load", QuotaKeys.TOTAL_DEDICATED_VCPUS, CLUSTERS * NODES_PER_CLUSTER);
            List<String> names = new ArrayList<>();
            for (int c = 0; c < CLUSTERS; c++) {
                names.add(EngineBenchmarks.clusterName(c));
                context.compute().create("load", names.get(c), ClusterSpec.defaults("Standard_D1_v2")
                        .withScale(NODES_PER_CLUSTER, NODES_PER_CLUSTER, ClusterSpec.DEFAULT_IDLE_TIME));
            }
            context.engine().runOnce();
            List<Node> nodes = new ArrayList<>();
            for (String name : names) {
                nodes.addAll(context.compute().listNodes("load", name));
            }
            Instant start = Instant.now().minusSeconds(EVENTS);
            NodeState[] cycle = {NodeState.IDLE, NodeState.RUNNING};
            List<LogEvent> batch = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                Node node = nodes.get(i % nodes.size());
                NodeState state = cycle[(i / nodes.size()) % cycle.length];
                batch.add(new LogEvent(0, start.plusSeconds(i), EventKind.NODE, "load", node.cluster(), node.id(),
                        state == NodeState.RUNNING ? "job-" + i : null, state.name(), 0,
                        state == NodeState.RUNNING ? Message.of("reason.node.rank-started", 0, "job-" + i)
                                : Message.of("reason.node.rank-exited", 0)));
                if (batch.size() == 1_000) {
                    context.database().eventLog().append(batch);
                    batch = new ArrayList<>();
                }
            }
            context.database().eventLog().append(batch);
        }
    }

    /**
     * The current display when there is one, as a user's start meets it; else xvfb-run (a display of
     * its own, whose start would count in the cold-start figures); empty when neither.
     */
    private static Optional<List<String>> displayPrefix() {
        if (System.getenv("DISPLAY") != null) {
            return Optional.of(List.of());
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "xvfb-run"))) {
                return Optional.of(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
            }
        }
        return Optional.empty();
    }

    /** One studio process, stopped when closed. */
    private static final class Studio implements AutoCloseable {

        private final Process process;
        private final long readyMillis;
        private final long wallMillis;

        private Studio(Process process, long readyMillis, long wallMillis) {
            this.process = process;
            this.readyMillis = readyMillis;
            this.wallMillis = wallMillis;
        }

        /** Starts {@code command} on the display and waits for the line {@code ready} matches. */
        static Studio start(List<String> display, List<String> command, Pattern ready)
                throws IOException, InterruptedException {
            List<String> full = new ArrayList<>(display);
            full.addAll(command);
            long started = System.nanoTime();
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            Studio studio = null;
            try {
                long readyMillis = awaitReady(process, ready);
                studio = new Studio(process, readyMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return studio;
            } finally {
                if (studio == null) {
                    stop(process);
                }
            }
        }

        /** Reads the output until its ready line; the rest is drained so that it never blocks. */
        private static long awaitReady(Process process, Pattern ready) throws IOException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<String> seen = new ArrayList<>();
            for (String line = lines.readLine(); line != null && System.nanoTime() < deadline; line = lines.readLine()) {
                Matcher readyLine = ready.matcher(line);
                if (readyLine.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (lines.readLine() != null) {
                                // discarded
                            }
                        } catch (IOException e) {
                            // the studio ended
                        }
                    }, "studio-bench-drain");
                    drain.setDaemon(true);
                    drain.start();
                    return Long.parseLong(readyLine.group(1));
                }
                seen.add(line);
            }
            throw new IllegalStateException("no line matching '" + ready + "'; the output:\n"
                    + String.join("\n", seen.subList(Math.max(0, seen.size() - 20), seen.size())));
        }

        private ProcessHandle java() {
            return process.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst().orElse(process.toHandle());
        }

        long residentKilobytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(java().pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for the studio process");
        }

        /** @return committed and used heap in KB, after a full GC */
        long[] heapKilobytes() throws IOException, InterruptedException {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            String pid = Long.toString(java().pid());
            new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher heap = HEAP_USED.matcher(text);
            if (!heap.find()) {
                throw new IllegalStateException("cannot read the studio's heap from jcmd: " + text);
            }
            return new long[] {Long.parseLong(heap.group(1)), Long.parseLong(heap.group(2))};
        }

        @Override
        public void close() throws InterruptedException {
            stop(process);
        }

        private static void stop(Process process) throws InterruptedException {
            List<ProcessHandle> children = process.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
            if (children.isEmpty()) {
                process.destroy();
            }
            children.forEach(ProcessHandle::destroy);
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
