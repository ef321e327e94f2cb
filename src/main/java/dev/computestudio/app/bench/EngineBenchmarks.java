package dev.computestudio.app.bench;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.BenchmarkSuite;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.engine.Engine;
import dev.computestudio.engine.EngineSettings;
import dev.computestudio.infra.persistence.Database;
import dev.computestudio.infra.runner.InstantNodeRunner;
import dev.computestudio.infra.runner.docker.DockerEngine;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.JobService;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The engine's benchmarks: how fast the loop places queued jobs (scheduler alone, in-memory
 * database, instant runner), and how long a submitted job takes to become a running process
 * (everything real: H2 file, engine thread, process runner).
 */
public final class EngineBenchmarks implements BenchmarkSuite {

    private static final String WORKSPACE = "bench";
    private static final String SIZE = "Standard_D1_v2";

    @Override
    public List<Figure> run(Options options, PrintWriter progress) throws Exception {
        boolean quick = options.quick();
        int latencySamples = quick ? 10 : 50;
        Figures figures = new Figures(progress);
        if (options.studioOnly()) {
            figures.add(() -> new StudioProcessBenchmarks().run(quick, progress));
            figures.add(() -> new StudioResponsiveness().run(quick, progress));
            return figures.all;
        }
        figures.add(() -> placement(quick ? 2_000 : 10_000, 10, 100, progress));
        figures.add(() -> tick(100, quick ? 2_000 : 10_000, quick ? 10 : 30, progress));
        figures.add(() -> waitingTick(100, quick ? 2_000 : 10_000, quick ? 10 : 30, progress));
        figures.add(() -> submitToStart(latencySamples, 0, progress));
        figures.add(() -> submitToStart(latencySamples, 1, progress));
        figures.add(() -> createToReady(RunnerChoice.PROCESS, quick ? 5 : 20, progress));
        figures.add(() -> new TimelineBenchmarks().run(quick, options.studio(), progress));
        boolean docker = DockerEngine.connect().isPresent();
        if (docker) {
            int dockerSamples = quick ? 5 : 20;
            figures.add(() -> submitToFirstOutputInDocker(dockerSamples, 1, progress));
            figures.add(() -> submitToFirstOutputInDocker(dockerSamples, 0, progress));
            figures.add(() -> createToReady(RunnerChoice.DOCKER, quick ? 3 : 10, progress));
            figures.add(() -> List.of(dockerRun(quick ? 3 : 10, progress)));
        } else {
            progress.println("bench: no Docker engine answers; the Docker figures are skipped");
        }
        figures.add(() -> new EventLogBenchmarks().run(quick, progress));
        figures.add(() -> new StudioProcessBenchmarks().run(quick, progress));
        if (options.studio()) {
            figures.add(() -> new StudioResponsiveness().run(quick, progress));
        }
        return figures.all;
    }

    /** A benchmark that failed is reported and skipped, so one failure does not lose the others' figures. */
    private static final class Figures {
        private final List<Figure> all = new ArrayList<>();
        private final PrintWriter progress;

        Figures(PrintWriter progress) {
            this.progress = progress;
        }

        void add(java.util.concurrent.Callable<List<Figure>> benchmark) {
            try {
                for (Figure figure : benchmark.call()) {
                    all.add(figure);
                    progress.printf(java.util.Locale.ROOT, "bench:   %s, %s: %.1f %s%n", figure.benchmark(),
                            figure.metric(), figure.value(), figure.unit());
                }
            } catch (Exception e) {
                progress.println("bench: this benchmark failed and is left out: " + e);
            }
            progress.flush();
        }
    }

    /**
     * From submit to the first line of the job's output with the Docker runner: with a warm node
     * ({@code minNodes} 1) or a cold cluster (0, a node container is started for each job).
     */
    private List<Figure> submitToFirstOutputInDocker(int samples, int minNodes, PrintWriter progress)
            throws Exception {
        String kind = minNodes > 0 ? "warm node" : "cold cluster (min 0)";
        progress.println("bench: Docker submit-to-first-output, " + samples + " jobs, " + kind + "...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        List<Double> latencies = new ArrayList<>();
        try (AppContext context = AppContext.open(folder, RunnerChoice.DOCKER, "benchmark",
                EngineSettings.defaults())) {
            context.workspaces().create(WORKSPACE, null, null);
            context.compute().create(WORKSPACE, "docker", ClusterSpec.defaults(SIZE)
                    .withScale(minNodes, 1, Duration.ZERO));
            context.engine().start();
            JobFiles files = new JobFiles(folder);
            while (context.compute().listNodes(WORKSPACE, "docker").size() < minNodes) {
                Thread.sleep(10);
            }
            for (int i = 0; i < samples; i++) {
                String name = "docker-" + i;
                Path log = files.logFile(WORKSPACE, name, 1, 0);
                long submitted = System.nanoTime();
                context.jobs().submit(WORKSPACE, new JobSpec(name, null, null, "docker", "echo first", null, 1,
                        Map.of(), null, null));
                while (!Files.exists(log) || Files.size(log) == 0) {
                    Thread.sleep(2);
                }
                latencies.add((System.nanoTime() - submitted) / 1e6);
                awaitEnd(context.jobs(), name);
                if (minNodes == 0) {
                    while (!context.compute().listNodes(WORKSPACE, "docker").isEmpty()) {
                        Thread.sleep(10);
                    }
                }
            }
            deleteCluster(context.compute(), "docker"); // else its node container outlives the benchmark
        } finally {
            deleteTree(folder);
        }
        Collections.sort(latencies);
        return List.of(new Figure("docker submit to first output", "median, " + kind, percentile(latencies, 50),
                "ms", samples + " jobs, busybox image, H2 file"),
                new Figure("docker submit to first output", "p95, " + kind, percentile(latencies, 95), "ms", ""));
    }

    /** For comparison: a bare 'docker run --rm IMAGE true' on this machine, through the docker CLI. */
    private Figure dockerRun(int samples, PrintWriter progress) throws Exception {
        progress.println("bench: docker run --rm busybox:latest true, " + samples + " times...");
        progress.flush();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Process run = new ProcessBuilder("docker", "run", "--rm", "busybox:latest", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (run.waitFor() != 0) {
                throw new IllegalStateException("docker run failed; is busybox:latest there? "
                        + "(assets/docker/import-busybox.sh makes it)");
            }
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return new Figure("docker run --rm true", "median", percentile(times, 50), "ms",
                samples + " runs, docker CLI included");
    }

    /**
     * {@code jobs} queued jobs spread over {@code clusters} clusters of {@code nodesPerCluster} warm
     * nodes; every job ends at once (instant runner), so this is the scheduler and its database alone.
     */
    private List<Figure> placement(int jobs, int clusters, int nodesPerCluster, PrintWriter progress)
            throws IOException {
        int nodes = clusters * nodesPerCluster;
        progress.println("bench: placement of " + jobs + " queued jobs on " + nodes + " nodes in " + clusters
                + " clusters...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        InstantNodeRunner runner = new InstantNodeRunner();
        try (AppContext context = AppContext.over(folder, Database.openInMemory(), runner, Clock.systemUTC(),
                EngineSettings.defaults(), "benchmark")) {
            warmClusters(context, clusters, nodesPerCluster);
            submitRoundRobin(context, jobs, clusters);
            Engine engine = context.engine();
            long start = System.nanoTime();
            int passes = 0;
            while (runner.startedRanks() < jobs) {
                engine.runOnce();
                passes++;
            }
            engine.runOnce(); // the last jobs' exits
            passes++;
            double seconds = (System.nanoTime() - start) / 1e9;
            int unfinished = context.database().jobs().listUnfinished().size();
            if (unfinished > 0) {
                throw new IllegalStateException(unfinished + " benchmark jobs did not finish");
            }
            String setup = jobs + " jobs, " + nodes + " nodes, " + clusters + " clusters, in-memory H2, instant runner";
            return List.of(
                    new Figure("scheduler", "placements per second", jobs / seconds, "jobs/s", setup),
                    new Figure("scheduler", "pass time", seconds * 1000 / passes, "ms",
                            "mean of " + passes + " passes, each placing up to " + nodes + " jobs"));
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * One reconciliation tick with {@code clusters} clusters of one warm node each and {@code jobs}
     * queued jobs: each tick ends the jobs of the one before and places the next one per cluster.
     */
    private List<Figure> tick(int clusters, int jobs, int ticks, PrintWriter progress) throws IOException {
        progress.println("bench: one tick with " + clusters + " clusters and " + jobs + " queued jobs...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        try (AppContext context = AppContext.over(folder, Database.openInMemory(), new InstantNodeRunner(),
                Clock.systemUTC(), EngineSettings.defaults(), "benchmark")) {
            warmClusters(context, clusters, 1);
            submitRoundRobin(context, jobs, clusters);
            List<Double> times = timeTicks(context.engine(), ticks);
            String setup = clusters + " clusters x 1 warm node, " + jobs + " queued jobs, " + ticks
                    + " ticks each ending " + clusters + " jobs and placing " + clusters;
            return List.of(new Figure("tick, starting and ending jobs", "median", percentile(times, 50), "ms", setup),
                    new Figure("tick, starting and ending jobs", "p95", percentile(times, 95), "ms", ""));
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * One tick with {@code clusters} clusters and {@code jobs} queued jobs that cannot move: the
     * workspace's vCPU quota is 0, so every cluster stays at 0 nodes and each tick only looks. This
     * is the engine's cost of a long queue, apart from the cost of starting and ending jobs.
     */
    private List<Figure> waitingTick(int clusters, int jobs, int ticks, PrintWriter progress) throws IOException {
        progress.println("bench: one tick with " + clusters + " clusters and " + jobs + " jobs waiting for quota...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        try (AppContext context = AppContext.over(folder, Database.openInMemory(), new InstantNodeRunner(),
                Clock.systemUTC(), EngineSettings.defaults(), "benchmark")) {
            context.workspaces().create(WORKSPACE, null, null);
            context.quota().setLimit(WORKSPACE, "standardDv2Family", 0);
            for (int c = 0; c < clusters; c++) {
                context.compute().create(WORKSPACE, clusterName(c), ClusterSpec.defaults(SIZE)
                        .withScale(0, 1, ClusterSpec.DEFAULT_IDLE_TIME));
            }
            submitRoundRobin(context, jobs, clusters);
            List<Double> times = timeTicks(context.engine(), ticks);
            String setup = clusters + " clusters at 0 nodes, " + jobs + " queued jobs held by a vCPU quota of 0";
            return List.of(new Figure("tick, queue waiting", "median", percentile(times, 50), "ms", setup),
                    new Figure("tick, queue waiting", "p95", percentile(times, 95), "ms", ""));
        } finally {
            deleteTree(folder);
        }
    }

    /** Three ticks to warm up, then the time of each of {@code ticks} more, sorted, in ms. */
    private static List<Double> timeTicks(Engine engine, int ticks) {
        for (int i = 0; i < 3; i++) {
            engine.runOnce();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            long start = System.nanoTime();
            engine.runOnce();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times;
    }

    /** Clusters "c0".."cN" at min = max = {@code nodesPerCluster}, their nodes ready, the quota raised to fit. */
    private static void warmClusters(AppContext context, int clusters, int nodesPerCluster) {
        context.workspaces().create(WORKSPACE, null, null);
        for (String key : List.of("standardDv2Family", QuotaKeys.TOTAL_DEDICATED_VCPUS)) {
            context.quota().setLimit(WORKSPACE, key, clusters * nodesPerCluster);
        }
        for (int c = 0; c < clusters; c++) {
            context.compute().create(WORKSPACE, clusterName(c), ClusterSpec.defaults(SIZE)
                    .withScale(nodesPerCluster, nodesPerCluster, ClusterSpec.DEFAULT_IDLE_TIME));
        }
        context.engine().runOnce();
    }

    /** Names that pass the cluster name rules: clusteraa, clusterab, ... */
    static String clusterName(int index) {
        return "cluster" + (char) ('a' + index / 26) + (char) ('a' + index % 26);
    }

    private static void submitRoundRobin(AppContext context, int jobs, int clusters) {
        for (int i = 0; i < jobs; i++) {
            context.jobs().submit(WORKSPACE, new JobSpec("job-" + i, null, null, clusterName(i % clusters), "true", null,
                    1, Map.of(), null, null));
        }
    }

    /**
     * From submit to the job's process running: with a cluster at min 0 (a node is added for each
     * job) or min 1 (a warm node waits).
     */
    private List<Figure> submitToStart(int samples, int minNodes, PrintWriter progress) throws Exception {
        String kind = minNodes > 0 ? "warm node" : "min nodes 0";
        progress.println("bench: submit-to-start latency, " + samples + " jobs, process runner, " + kind + "...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        List<Double> latencies = new ArrayList<>();
        try (AppContext context = AppContext.open(folder, RunnerChoice.PROCESS, "benchmark",
                EngineSettings.defaults())) {
            context.workspaces().create(WORKSPACE, null, null);
            context.compute().create(WORKSPACE, "cold", ClusterSpec.defaults(SIZE)
                    .withScale(minNodes, 1, Duration.ZERO));
            context.engine().start();
            awaitIdleNodes(context.compute(), "cold", minNodes);
            JobFiles files = new JobFiles(folder);
            for (int i = 0; i < samples; i++) {
                String name = "latency-" + i;
                long submitted = System.currentTimeMillis();
                context.jobs().submit(WORKSPACE, new JobSpec(name, null, null, "cold",
                        "date +%s%3N > started.txt", null, 1, Map.of(), null, null));
                awaitEnd(context.jobs(), name);
                Path started = files.workingDirectory(WORKSPACE, name, 1).resolve("started.txt");
                latencies.add((double) (Long.parseLong(Files.readString(started).trim()) - submitted));
                if (minNodes == 0) {
                    awaitNoNodes(context.compute());
                } else {
                    awaitIdleNodes(context.compute(), "cold", minNodes);
                }
            }
        } finally {
            deleteTree(folder);
        }
        Collections.sort(latencies);
        return List.of(
                new Figure("submit to start", "median, " + kind, percentile(latencies, 50), "ms",
                        samples + " jobs, process runner, H2 file"),
                new Figure("submit to start", "p95, " + kind, percentile(latencies, 95), "ms", ""));
    }

    /** From 'compute create' (min 1) to its node idle and ready for jobs; the cloud takes about 5 minutes. */
    private List<Figure> createToReady(RunnerChoice runnerChoice, int samples, PrintWriter progress) throws Exception {
        String runnerName = runnerChoice.name().toLowerCase(java.util.Locale.ROOT);
        progress.println("bench: cluster create to ready, " + samples + " clusters, " + runnerName + " runner...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        List<Double> times = new ArrayList<>();
        try (AppContext context = AppContext.open(folder, runnerChoice, "benchmark", EngineSettings.defaults())) {
            context.workspaces().create(WORKSPACE, null, null);
            context.engine().start();
            for (int i = 0; i < samples; i++) {
                String name = "ready" + clusterName(i).substring("cluster".length());
                long start = System.nanoTime();
                context.compute().create(WORKSPACE, name, ClusterSpec.defaults(SIZE)
                        .withScale(1, 1, Duration.ZERO));
                awaitIdleNodes(context.compute(), name, 1);
                times.add((System.nanoTime() - start) / 1e6);
                deleteCluster(context.compute(), name);
            }
        } finally {
            deleteTree(folder);
        }
        Collections.sort(times);
        return List.of(
                new Figure("cluster create to ready", "median, " + runnerName, percentile(times, 50), "ms",
                        samples + " clusters of min 1, H2 file (the cloud: about 5 minutes)"),
                new Figure("cluster create to ready", "p95, " + runnerName, percentile(times, 95), "ms", ""));
    }

    /**
     * Deletes a cluster and waits until it is gone. The delete is asked again when the cluster is
     * still there and not deleting after a while: an engine pass that read the cluster before the
     * delete writes its status back over the Deleting mark (a known race, reported apart).
     */
    private static void deleteCluster(ComputeService compute, String name) throws InterruptedException {
        compute.delete(WORKSPACE, name);
        long asked = System.nanoTime();
        while (compute.list(WORKSPACE).stream().anyMatch(c -> c.name().equals(name))) {
            Thread.sleep(2);
            if (System.nanoTime() - asked > 3_000_000_000L && compute.list(WORKSPACE).stream().anyMatch(c ->
                    c.name().equals(name) && c.status().provisioningState() != ProvisioningState.DELETING)) {
                compute.delete(WORKSPACE, name);
                asked = System.nanoTime();
            }
        }
    }

    private static void awaitIdleNodes(ComputeService compute, String cluster, int count) throws InterruptedException {
        while (compute.listNodes(WORKSPACE, cluster).stream().filter(n -> n.state() == NodeState.IDLE).count()
                < count) {
            Thread.sleep(1);
        }
    }

    private static void awaitEnd(JobService jobs, String name) throws InterruptedException {
        while (!jobs.show(WORKSPACE, name).status().isFinal()) {
            Thread.sleep(5);
        }
        if (jobs.show(WORKSPACE, name).status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("benchmark job " + name + " did not complete: "
                    + jobs.show(WORKSPACE, name).error());
        }
    }

    private static void awaitNoNodes(ComputeService compute) throws InterruptedException {
        while (!compute.listNodes(WORKSPACE, "cold").isEmpty()) {
            Thread.sleep(5);
        }
    }

    static double percentile(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
