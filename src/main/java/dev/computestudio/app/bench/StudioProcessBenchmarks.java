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
 * The real studio as a user starts it: a new JVM running the launcher's main class under Xvfb,
 * timed by its own {@code ready in N ms} log line (JVM start to first frame), then its heap and
 * resident size with a loaded workspace.
 */
final class StudioProcessBenchmarks {

    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms");
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
        List<Figure> figures = new ArrayList<>();
        int samples = quick ? 1 : 3;
        progress.println("bench: studio cold start to first frame, " + samples + " starts on an empty data folder...");
        progress.flush();
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Path folder = Files.createTempDirectory("compute-studio-bench-start");
            try (Studio studio = Studio.start(display.get(), folder)) {
                starts.add((double) studio.readyMillis);
            } finally {
                EngineBenchmarks.deleteTree(folder);
            }
        }
        Collections.sort(starts);
        figures.add(new Figure("studio cold start", "JVM start to first frame, median", EngineBenchmarks.percentile(
                starts, 50), "ms", samples + " starts, empty data folder, Xvfb, 'ready in N ms' log line"));

        progress.println("bench: studio memory with " + CLUSTERS + " clusters, " + CLUSTERS * NODES_PER_CLUSTER
                + " nodes, " + EVENTS + " events...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench-memory");
        try {
            populate(folder);
            try (Studio studio = Studio.start(display.get(), folder)) {
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

    /** xvfb-run when present (a display of its own), else the current display; empty when neither. */
    private static Optional<List<String>> displayPrefix() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "xvfb-run"))) {
                return Optional.of(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
            }
        }
        return System.getenv("DISPLAY") != null ? Optional.of(List.of()) : Optional.empty();
    }

    /** One studio process, stopped when closed. */
    private static final class Studio implements AutoCloseable {

        private final Process process;
        private final long readyMillis;

        private Studio(Process process, long readyMillis) {
            this.process = process;
            this.readyMillis = readyMillis;
        }

        static Studio start(List<String> prefix, Path dataFolder) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(prefix);
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String modules = System.getProperty("jdk.module.path");
            if (modules != null && !modules.isEmpty()) {
                command.add("--module-path=" + modules);
            }
            // The launcher's module options, and its class-data archive when this JVM maps one: the studio
            // starts as the launcher starts it.
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(arg -> arg.startsWith("--add-") || arg.startsWith("-XX:SharedArchiveFile=")
                            || arg.startsWith("-Xshare:") || arg.startsWith("-Xlog:cds"))
                    .forEach(command::add);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.computestudio.app.Main",
                    "--data-dir", dataFolder.toString(), "--runner", "process"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Studio studio = null;
            try {
                studio = new Studio(process, awaitReady(process));
                return studio;
            } finally {
                if (studio == null) {
                    stop(process);
                }
            }
        }

        /** Reads the studio's output until its ready line; the rest is drained so that it never blocks. */
        private static long awaitReady(Process process) throws IOException {
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<String> seen = new ArrayList<>();
            for (String line = lines.readLine(); line != null && System.nanoTime() < deadline; line = lines.readLine()) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
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
                    return Long.parseLong(ready.group(1));
                }
                seen.add(line);
            }
            throw new IllegalStateException("the studio did not report 'ready in N ms'; its output:\n"
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
