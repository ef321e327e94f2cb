package dev.computestudio.app.bench;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.BenchmarkSuite;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.JobFiles;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
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
        List<Figure> figures = new ArrayList<>();
        figures.addAll(placement(quick ? 200 : 1_000, 100, progress));
        figures.addAll(submitToStart(quick ? 5 : 20, progress));
        figures.addAll(new TimelineBenchmarks().run(quick, options.studio(), progress));
        if (DockerEngine.connect().isPresent()) {
            figures.addAll(submitToFirstOutputInDocker(quick ? 3 : 10, 1, progress));
            figures.addAll(submitToFirstOutputInDocker(quick ? 3 : 10, 0, progress));
            figures.add(dockerRun(quick ? 3 : 10, progress));
        } else {
            progress.println("bench: no Docker engine answers; the Docker figures are skipped");
        }
        if (options.studio()) {
            figures.addAll(new StudioResponsiveness().run(quick, progress));
        }
        return figures;
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
        } finally {
            deleteTree(folder);
        }
        Collections.sort(latencies);
        return List.of(new Figure("docker submit to first output", "median, " + kind, percentile(latencies, 50),
                "ms", samples + " jobs, busybox image, H2 file"));
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

    /** {@code jobs} queued jobs on {@code nodes} warm nodes of one cluster; every job ends at once. */
    private List<Figure> placement(int jobs, int nodes, PrintWriter progress) throws IOException {
        progress.println("bench: placement of " + jobs + " queued jobs on " + nodes + " nodes...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        InstantNodeRunner runner = new InstantNodeRunner();
        try (AppContext context = AppContext.over(folder, Database.openInMemory(), runner, EngineSettings.defaults(),
                "benchmark")) {
            context.workspaces().create(WORKSPACE, null, null);
            for (String key : List.of("standardDv2Family", QuotaKeys.TOTAL_DEDICATED_VCPUS)) {
                context.quota().setLimit(WORKSPACE, key, nodes);
            }
            context.compute().create(WORKSPACE, "warm", ClusterSpec.defaults(SIZE)
                    .withScale(nodes, nodes, ClusterSpec.DEFAULT_IDLE_TIME));
            Engine engine = context.engine();
            engine.runOnce();
            for (int i = 0; i < jobs; i++) {
                context.jobs().submit(WORKSPACE, new JobSpec("job-" + i, null, null, "warm", "true", null, 1,
                        Map.of(), null, null));
            }
            long start = System.nanoTime();
            int passes = 0;
            while (runner.startedRanks() < jobs || !context.jobs().list(WORKSPACE).stream()
                    .allMatch(job -> job.status().isFinal())) {
                engine.runOnce();
                passes++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return List.of(
                    new Figure("scheduler", "placements per second", jobs / seconds, "jobs/s",
                            jobs + " jobs, " + nodes + " nodes, in-memory H2, instant runner"),
                    new Figure("scheduler", "pass time", seconds * 1000 / passes, "ms",
                            "mean of " + passes + " passes, each placing up to " + nodes + " jobs"));
        } finally {
            deleteTree(folder);
        }
    }

    /** From submit to the job's process running, with a cluster at min 0 (a node is added for each job). */
    private List<Figure> submitToStart(int samples, PrintWriter progress) throws Exception {
        progress.println("bench: submit-to-start latency, " + samples + " jobs, process runner, min nodes 0...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench");
        List<Double> latencies = new ArrayList<>();
        try (AppContext context = AppContext.open(folder, RunnerChoice.PROCESS, "benchmark",
                EngineSettings.defaults())) {
            context.workspaces().create(WORKSPACE, null, null);
            context.compute().create(WORKSPACE, "cold", ClusterSpec.defaults(SIZE).withScale(0, 1, Duration.ZERO));
            context.engine().start();
            JobFiles files = new JobFiles(folder);
            for (int i = 0; i < samples; i++) {
                String name = "latency-" + i;
                long submitted = System.currentTimeMillis();
                context.jobs().submit(WORKSPACE, new JobSpec(name, null, null, "cold",
                        "date +%s%3N > started.txt", null, 1, Map.of(), null, null));
                awaitEnd(context.jobs(), name);
                Path started = files.workingDirectory(WORKSPACE, name, 1).resolve("started.txt");
                latencies.add((double) (Long.parseLong(Files.readString(started).trim()) - submitted));
                awaitNoNodes(context.compute());
            }
        } finally {
            deleteTree(folder);
        }
        Collections.sort(latencies);
        return List.of(
                new Figure("submit to start", "median", percentile(latencies, 50), "ms",
                        samples + " jobs, min nodes 0, process runner, H2 file"),
                new Figure("submit to start", "p95", percentile(latencies, 95), "ms", ""));
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

    private static double percentile(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
