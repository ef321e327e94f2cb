package dev.computestudio.e2e;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.service.timeline.NodeRow;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash injection: {@code serve} is killed with SIGKILL fifty times at random moments while it
 * scales clusters and runs a random mix of jobs, and started again each time. After every crash
 * the new engine must finish what the dead one left: each job ends once, as its command says
 * (exit 0 Completed, exit 1 Failed, canceled Canceled), a job cut off mid-run runs again as a
 * new attempt, no job process outlives its job, and the event log tells one consistent story.
 *
 * <p>One data folder serves all fifty crashes, as a user's {@code ~/.compute-studio} would: the
 * H2 file is killed mid-write again and again and each restart recovers on top of what every
 * earlier one left, which a fresh folder per crash would never show. The seed is printed; rerun
 * a failure with {@code -Dreliability.seed=SEED} (and {@code -Dreliability.crashes=N} for fewer).
 */
@Tag("reliability")
class CrashRecoveryTest {

    private static final int CRASHES = Integer.getInteger("reliability.crashes", 50);
    private static final String WS = "ws1";
    /** Min 1: jobs start at once, and a node stays through every crash. */
    private static final String WARM = "warm";
    /** Min 0 and a short idle time: jobs make it scale up, and it scales down between them. */
    private static final String COLD = "cold";
    private static final int LONGEST_KILL_DELAY_MILLIS = 5_000;
    private static final Duration SERVE_START = Duration.ofSeconds(90);
    private static final Duration RECOVERY = Duration.ofSeconds(120);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(15);
    /** A run that cannot recover stops early instead of spending the CI's time on more crashes. */
    private static final int UNRECOVERED_BEFORE_GIVING_UP = 3;

    @TempDir
    Path data;

    private CliRunner cli;
    private final List<ServeProcess> serves = new ArrayList<>();

    /** What a job of the mix does, and so how it must end. */
    enum Kind {
        ECHO("echo hello from rank $NODE_RANK", 1, JobStatus.COMPLETED),
        SLEEP("sleep %s; echo slept", 1, JobStatus.COMPLETED),
        FAIL("sleep %s; echo failing; exit 1", 1, JobStatus.FAILED),
        TWO_NODES("sleep %s; echo rank $NODE_RANK of $NODE_COUNT", 2, JobStatus.COMPLETED),
        /** Canceled by the client a moment after it is submitted, while the engine runs. */
        CANCELED("sleep 60", 1, JobStatus.CANCELED),
        /** Canceled while no engine runs, between the crash and the restart. */
        CANCELED_WHILE_DOWN("sleep 60", 1, JobStatus.CANCELED);

        final String command;
        final int instanceCount;
        final JobStatus expected;

        Kind(String command, int instanceCount, JobStatus expected) {
            this.command = command;
            this.instanceCount = instanceCount;
            this.expected = expected;
        }
    }

    record PlannedJob(String name, String cluster, Kind kind, String command, int crash) {

        JobSpec spec() {
            return new JobSpec(name, null, "crash-" + crash, cluster, command, null, kind.instanceCount, Map.of(),
                    null, null);
        }
    }

    /** One crash: when it struck and whether everything submitted before it ended afterwards. */
    record Crash(int number, List<PlannedJob> jobs, long delayMillis, Instant killedAt, boolean recovered,
                 Duration recoveryTime, List<String> orphans) {
    }

    @AfterEach
    void stopEverything() {
        serves.forEach(ServeProcess::destroy);
        MarkedProcesses.killAll(data);
    }

    @Test
    void serveKilledFiftyTimesLosesNoJobEndsEachOnceAsItsCommandSaysAndLeavesNoOrphan() throws Exception {
        long seed = Long.getLong("reliability.seed", System.currentTimeMillis());
        System.out.println("crash recovery: seed " + seed + " (rerun with -Dreliability.seed=" + seed + ")");
        Random random = new Random(seed);
        cli = new CliRunner(data);
        createWorkspaceAndClusters();

        ServeProcess serve = startServe(0);
        List<Crash> crashes = new ArrayList<>();
        for (int number = 1; number <= CRASHES; number++) {
            List<PlannedJob> mix = planMix(number, random);
            submitAndCancelSome(mix, random);
            long delay = random.nextInt(LONGEST_KILL_DELAY_MILLIS);
            Thread.sleep(delay);
            Instant killedAt = Instant.now();
            serve.kill();
            serve = cancelAndRestartAfter(number, mix, seed);
            long restartedAt = System.nanoTime();
            boolean recovered = allEnd(mix);
            Duration recoveryTime = Duration.ofNanos(System.nanoTime() - restartedAt);
            crashes.add(new Crash(number, mix, delay, killedAt, recovered, recoveryTime, orphansAfterGrace()));
            if (crashes.stream().filter(c -> !c.recovered()).count() >= UNRECOVERED_BEFORE_GIVING_UP) {
                System.out.println("crash recovery: giving up after crash " + number + ": "
                        + UNRECOVERED_BEFORE_GIVING_UP + " crashes did not recover");
                break;
            }
        }
        serve.stop();
        List<ProcessHandle> left = MarkedProcesses.of(data);

        Outcome outcome = readOutcome();
        List<PlannedJob> planned = crashes.stream().flatMap(c -> c.jobs().stream()).toList();
        System.out.println(report(seed, crashes, planned, outcome));
        crashes.stream().filter(crash -> !crash.recovered()).forEach(crash -> System.out.println(
                "--- what serve-" + crash.number() + " said after crash " + crash.number() + ":\n"
                        + tail(serves.get(crash.number()).output())));

        assertEverythingRecovered(crashes, planned, outcome, left);
    }

    private static void assertEverythingRecovered(List<Crash> crashes, List<PlannedJob> planned, Outcome outcome,
                                                  List<ProcessHandle> left) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(crashes).as("crashes run").hasSize(CRASHES);
        softly.assertThat(crashes.stream().filter(c -> !c.recovered()).map(Crash::number).toList())
                .as("crashes after which not every job ended within " + RECOVERY.toSeconds() + " s").isEmpty();
        for (PlannedJob job : planned) {
            Job stored = outcome.jobs().get(job.name());
            softly.assertThat(stored).as("job %s (%s, crash %d) is recorded", job.name(), job.kind(), job.crash())
                    .isNotNull();
            if (stored != null) {
                softly.assertThat(stored.status()).as("job %s (%s on %s, crash %d): %s", job.name(), job.kind(),
                        job.cluster(), job.crash(), stored.error()).isEqualTo(job.kind().expected);
            }
        }
        for (Crash crash : crashes) {
            for (PlannedJob job : holdingNodesAt(crash, outcome.events())) {
                Job stored = outcome.jobs().get(job.name());
                if (stored != null && job.kind().expected != JobStatus.CANCELED) {
                    softly.assertThat(stored.attempt()).as("job %s was running when crash %d struck, so it ran "
                            + "again as a new attempt", job.name(), crash.number()).isGreaterThan(1);
                }
            }
            softly.assertThat(crash.orphans()).as("job processes left %d s after crash %d's jobs ended",
                    ORPHAN_GRACE.toSeconds(), crash.number()).isEmpty();
        }
        softly.assertThat(MarkedProcesses.describe(left)).as("job processes left after the last serve stopped")
                .isEmpty();
        softly.assertThat(outcome.problems()).as("inconsistencies in the event log").isEmpty();
        softly.assertAll();
    }

    private void createWorkspaceAndClusters() throws Exception {
        expectSuccess(cli.run("workspace", "create", "--name", WS));
        expectSuccess(cli.run("compute", "create", "-w", WS, "--name", WARM, "--size", "Standard_DS1_v2",
                "--min-instances", "1", "--max-instances", "3", "--idle-time-before-scale-down", "2"));
        expectSuccess(cli.run("compute", "create", "-w", WS, "--name", COLD, "--size", "Standard_DS1_v2",
                "--min-instances", "0", "--max-instances", "2", "--idle-time-before-scale-down", "1"));
    }

    private ServeProcess startServe(int afterCrash) throws IOException {
        ServeProcess serve = ServeProcess.start(cli, "serve-" + afterCrash);
        serves.add(serve);
        return serve.awaitRunning(SERVE_START);
    }

    /** Four to seven jobs of random kinds on random clusters, some sleeping a random while. */
    private static List<PlannedJob> planMix(int crash, Random random) {
        Kind[] kinds = Kind.values();
        List<PlannedJob> mix = new ArrayList<>();
        int count = 4 + random.nextInt(4);
        for (int i = 1; i <= count; i++) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            String cluster = random.nextBoolean() ? WARM : COLD;
            String seconds = String.format(java.util.Locale.ROOT, "%.1f", 0.2 + random.nextInt(19) / 10.0);
            String name = "c" + crash + "-" + i + "-" + kind.name().toLowerCase().replace('_', '-');
            mix.add(new PlannedJob(name, cluster, kind, kind.command.formatted(seconds), crash));
        }
        return mix;
    }

    /**
     * Submits through the services a command line uses, as a client of the database {@code serve}
     * holds, and cancels the CANCELED ones after a random moment (queued or already running). The
     * client is closed before the crash, so that the process killed is the one serving the file.
     */
    private void submitAndCancelSome(List<PlannedJob> mix, Random random) throws InterruptedException {
        try (AppContext client = openClient()) {
            for (PlannedJob job : mix) {
                client.jobs().submit(WS, job.spec());
            }
            for (PlannedJob job : ofKind(mix, Kind.CANCELED)) {
                Thread.sleep(random.nextInt(1_500));
                client.jobs().cancel(WS, job.name());
            }
        }
    }

    /** The moment after a crash: cancels requested while no engine runs, then serve started again. */
    private ServeProcess cancelAndRestartAfter(int crash, List<PlannedJob> mix, long seed) throws IOException {
        try {
            cancelWhileDown(mix);
            return startServe(crash);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("the data folder could not be used again after crash " + crash + " of " + CRASHES
                    + " (seed " + seed + "): " + e.getMessage(), e);
        }
    }

    /** With no engine running, this client serves the file itself; the restarted serve finds the requests. */
    private void cancelWhileDown(List<PlannedJob> mix) {
        List<PlannedJob> toCancel = ofKind(mix, Kind.CANCELED_WHILE_DOWN);
        if (toCancel.isEmpty()) {
            return;
        }
        try (AppContext client = openClient()) {
            toCancel.forEach(job -> client.jobs().cancel(WS, job.name()));
        }
    }

    private boolean allEnd(List<PlannedJob> mix) {
        Set<String> names = mix.stream().map(PlannedJob::name).collect(Collectors.toSet());
        try (AppContext client = openClient()) {
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(300)).until(() -> client.jobs().list(WS).stream()
                    .filter(job -> names.contains(job.name())).filter(job -> job.status().isFinal()).count()
                    == names.size());
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** Job processes still alive once every job has ended; a process being stopped gets a grace period. */
    private List<String> orphansAfterGrace() {
        try {
            await().atMost(ORPHAN_GRACE).pollInterval(Duration.ofMillis(250))
                    .until(() -> MarkedProcesses.of(data).isEmpty());
            return List.of();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return MarkedProcesses.of(data).stream().map(p -> p.pid() + ": " + p.info().commandLine().orElse("?"))
                    .toList();
        }
    }

    private AppContext openClient() {
        return AppContext.open(data, RunnerChoice.PROCESS, "crash test client");
    }

    /** Every stored job, node and event, and what the audit finds wrong in them; read once all engines stopped. */
    record Outcome(Map<String, Job> jobs, List<LogEvent> events, List<String> problems) {
    }

    private Outcome readOutcome() {
        try (AppContext reader = openClient()) {
            Map<String, Job> jobs = reader.jobs().list(WS).stream()
                    .collect(Collectors.toMap(Job::name, job -> job, (a, b) -> a, TreeMap::new));
            List<LogEvent> events = allEvents(reader);
            List<Node> nodes = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            Instant end = reader.timeline().now().plusSeconds(1);
            for (String cluster : List.of(WARM, COLD)) {
                List<Node> clusterNodes = reader.database().nodes().listAll(WS, cluster);
                nodes.addAll(clusterNodes);
                Map<String, NodeState> stored = clusterNodes.stream()
                        .collect(Collectors.toMap(Node::id, Node::state));
                List<NodeRow> rows = reader.timeline().load(WS, cluster, events.get(0).at(), end).rows();
                problems.addAll(EventLogAudit.timelineProblems(rows, stored));
            }
            problems.addAll(EventLogAudit.nodeProblems(events, nodes));
            problems.addAll(EventLogAudit.jobProblems(events, jobs.values()));
            return new Outcome(jobs, events, problems);
        }
    }

    private static List<LogEvent> allEvents(AppContext reader) {
        List<LogEvent> events = new ArrayList<>();
        for (List<LogEvent> page = reader.database().eventLog().after(0, 1_000); !page.isEmpty();
             page = reader.database().eventLog().after(events.get(events.size() - 1).sequence(), 1_000)) {
            events.addAll(page);
        }
        return events;
    }

    /** The crash's jobs whose last logged status before the kill held nodes: they were cut off mid-run. */
    private static List<PlannedJob> holdingNodesAt(Crash crash, List<LogEvent> events) {
        Map<String, JobStatus> before = lastJobStatusBefore(crash.killedAt(), events);
        return crash.jobs().stream().filter(job -> before.containsKey(job.name())
                && before.get(job.name()).holdsNodes()).toList();
    }

    private static Map<String, JobStatus> lastJobStatusBefore(Instant instant, List<LogEvent> events) {
        Map<String, JobStatus> last = new HashMap<>();
        events.stream().filter(e -> e.kind() == EventKind.JOB && e.at().isBefore(instant))
                .forEach(e -> last.put(e.jobName(), JobStatus.valueOf(e.state())));
        return last;
    }

    private static Map<String, NodeState> lastNodeStateBefore(Instant instant, List<LogEvent> events) {
        Map<String, NodeState> last = new HashMap<>();
        events.stream().filter(e -> e.kind() == EventKind.NODE && e.at().isBefore(instant))
                .forEach(e -> last.put(e.cluster() + "/" + e.nodeId(), NodeState.valueOf(e.state())));
        return last;
    }

    /**
     * What the engine was in the middle of when a crash struck, from the log of what it had
     * committed: running jobs, jobs waiting for nodes (a scale-up), or idle nodes of the cold
     * cluster waiting for their idle time (a scale-down).
     */
    private static List<String> momentOf(Crash crash, List<LogEvent> events) {
        Map<String, JobStatus> jobs = lastJobStatusBefore(crash.killedAt(), events);
        Map<String, NodeState> nodes = lastNodeStateBefore(crash.killedAt(), events);
        List<String> moments = new ArrayList<>();
        if (jobs.values().stream().anyMatch(JobStatus::holdsNodes)) {
            moments.add("mid job");
        }
        if (jobs.values().stream().anyMatch(status -> status == JobStatus.QUEUED)) {
            moments.add("jobs waiting for nodes");
        }
        boolean coldBusy = crash.jobs().stream().filter(job -> job.cluster().equals(COLD))
                .map(job -> jobs.get(job.name())).anyMatch(status -> status != null && !status.isFinal());
        boolean coldHasIdle = nodes.entrySet().stream().anyMatch(e -> e.getKey().startsWith(COLD + "/")
                && (e.getValue() == NodeState.IDLE || e.getValue() == NodeState.LEAVING));
        if (!coldBusy && coldHasIdle) {
            moments.add("cold cluster scaling down");
        }
        if (moments.isEmpty()) {
            moments.add("quiet");
        }
        return moments;
    }

    private static String report(long seed, List<Crash> crashes, List<PlannedJob> planned, Outcome outcome) {
        Map<String, Long> moments = new TreeMap<>();
        crashes.forEach(crash -> momentOf(crash, outcome.events())
                .forEach(moment -> moments.merge(moment, 1L, Long::sum)));
        Map<JobStatus, Long> ends = new LinkedHashMap<>();
        int lost = 0;
        int restarted = 0;
        for (PlannedJob job : planned) {
            Job stored = outcome.jobs().get(job.name());
            if (stored == null || !stored.status().isFinal()) {
                lost++;
            } else {
                ends.merge(stored.status(), 1L, Long::sum);
                restarted += stored.attempt() > 1 ? 1 : 0;
            }
        }
        long wrongEnd = planned.stream().filter(job -> outcome.jobs().containsKey(job.name())
                && outcome.jobs().get(job.name()).status() != job.kind().expected).count();
        Duration longest = crashes.stream().map(Crash::recoveryTime).max(Duration::compareTo).orElse(Duration.ZERO);
        return String.join("\n",
                "crash recovery, seed " + seed + ":",
                "  crashes injected " + crashes.size() + ", recovered " + count(crashes, Crash::recovered)
                        + "; kill moments " + moments,
                "  longest restart-to-all-ended " + longest.toMillis() + " ms",
                "  jobs submitted " + planned.size() + ", completed " + ends.getOrDefault(JobStatus.COMPLETED, 0L)
                        + ", failed " + ends.getOrDefault(JobStatus.FAILED, 0L) + ", canceled "
                        + ends.getOrDefault(JobStatus.CANCELED, 0L) + ", lost " + lost + ", ended otherwise than "
                        + "their command says " + wrongEnd + ", ran again after a crash " + restarted,
                "  event log: " + outcome.events().size() + " events, " + outcome.problems().size() + " problems"
                        + outcome.problems().stream().limit(20).map(p -> "\n    " + p + "\n"
                                + EventLogAudit.historyBehind(p, outcome.events())).collect(Collectors.joining()),
                "  crashes at: " + crashes.stream().map(c -> c.number() + "=" + c.killedAt())
                        .collect(Collectors.joining(", ")));
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : "..." + text.substring(text.length() - 4_000);
    }

    private static <T> long count(List<T> items, Predicate<T> test) {
        return items.stream().filter(test).count();
    }

    private static List<PlannedJob> ofKind(List<PlannedJob> mix, Kind kind) {
        return mix.stream().filter(job -> job.kind() == kind).toList();
    }

    private static void expectSuccess(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
