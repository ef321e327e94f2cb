package dev.computestudio.e2e;

import dev.computestudio.app.AppContext;
import dev.computestudio.cli.RunnerChoice;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.JobSpec;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.JobFiles;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many processes at once over one data folder: ten client processes submitting a thousand jobs
 * while {@code serve} runs them, and two {@code serve} processes competing for the engine lease.
 */
@Tag("reliability")
class ConcurrencyTest {

    private static final String WS = "ws1";
    private static final String CPU = "cpu";
    private static final int CLIENTS = 10;
    private static final int JOBS_PER_CLIENT = 100;
    private static final Duration SERVE_START = Duration.ofSeconds(90);
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** The lease is stale 5 s after the last heartbeat; a few ticks more to take it over and recover. */
    private static final Duration TAKEOVER = Duration.ofSeconds(15);

    @TempDir
    Path data;

    private CliRunner cli;
    private final List<ServeProcess> serves = new ArrayList<>();
    private final List<Process> clients = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        clients.forEach(Process::destroyForcibly);
        serves.forEach(ServeProcess::destroy);
        MarkedProcesses.killAll(data);
    }

    @Test
    void tenClientProcessesSubmitAThousandJobsAndEachIsRecordedAndRunsExactlyOnce() throws Exception {
        createWorkspaceAndCluster(10);
        Path ran = Files.createDirectories(data.resolve("ran"));
        startServe("serve").awaitRunning(SERVE_START);

        long submitStart = System.nanoTime();
        for (int client = 1; client <= CLIENTS; client++) {
            clients.add(cli.startMain(JobSubmitter.class, data.resolve("client-" + client + ".out"),
                    data.resolve("client-" + client + ".err"), data.toString(), WS, CPU, "p" + client,
                    Integer.toString(JOBS_PER_CLIENT), ran.toString()));
        }
        List<String> submitted = new ArrayList<>();
        for (int client = 1; client <= CLIENTS; client++) {
            Process process = clients.get(client - 1);
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("client %d finished", client)
                    .isTrue();
            String errors = Files.readString(data.resolve("client-" + client + ".err"));
            assertThat(process.exitValue()).as("client %d's exit code; it said:%n%s", client, errors).isZero();
            Files.readAllLines(data.resolve("client-" + client + ".out")).stream()
                    .filter(line -> line.startsWith(JobSubmitter.SUBMITTED))
                    .forEach(line -> submitted.add(line.substring(JobSubmitter.SUBMITTED.length())));
        }
        Duration submitting = Duration.ofNanos(System.nanoTime() - submitStart);

        List<Job> jobs = awaitAllEnded(submitted.size());
        Duration running = Duration.ofNanos(System.nanoTime() - submitStart);
        System.out.printf("concurrency: %d clients submitted %d jobs in %d ms; all ended %d ms after the first "
                + "submit%n", CLIENTS, submitted.size(), submitting.toMillis(), running.toMillis());

        List<String> expected = IntStream.rangeClosed(1, CLIENTS).boxed().flatMap(client -> IntStream
                .rangeClosed(1, JOBS_PER_CLIENT).mapToObj(i -> "p" + client + "-" + i)).toList();
        assertThat(submitted).as("jobs the clients were told were submitted").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(jobs).extracting(Job::name).as("jobs recorded").containsExactlyInAnyOrderElementsOf(expected);
        SoftAssertions softly = new SoftAssertions();
        JobFiles files = new JobFiles(data);
        for (Job job : jobs) {
            softly.assertThat(job.status()).as("%s: %s", job.name(), job.error()).isEqualTo(JobStatus.COMPLETED);
            softly.assertThat(job.attempt()).as("attempts of %s", job.name()).isEqualTo(1);
            softly.assertThat(linesOf(ran.resolve(job.name() + ".ran"))).as("runs of %s", job.name())
                    .containsExactly("attempt 1");
            softly.assertThat(files.logFile(WS, job.name(), 1, 0)).as("rank 0 output of %s", job.name()).exists();
            softly.assertThat(files.workingDirectory(WS, job.name(), 2)).as("a second attempt of %s", job.name())
                    .doesNotExist();
        }
        softly.assertAll();
    }

    @Test
    void twoServesAtOnceRunOneEngineAndTheOtherTakesOverWhenTheHolderIsKilled() throws Exception {
        createWorkspaceAndCluster(2);
        ServeProcess first = startServe("serve-a");
        ServeProcess second = startServe("serve-b");
        await().atMost(SERVE_START).until(() -> first.saysRunning() || second.saysRunning());
        ServeProcess holder = first.saysRunning() ? first : second;
        ServeProcess waiter = holder == first ? second : first;
        await().atMost(SERVE_START).until(waiter::saysWaiting);
        Thread.sleep(3_000); // a few ticks in which the waiter must keep waiting

        assertThat(waiter.saysRunning()).as("%s runs an engine beside %s; it said:%n%s", waiter.name(), holder.name(),
                waiter.output()).isFalse();
        assertThat(leaseHolder()).as("the lease row").contains("(pid " + holder.pid() + ")");
        List<String> names = submit(6, "sleep 1; echo done");

        long killedAt = System.nanoTime();
        holder.kill();
        waiter.awaitRunning(TAKEOVER);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("concurrency: %s took the engine over %d ms after %s was killed%n", waiter.name(),
                takeover.toMillis(), holder.name());

        List<Job> jobs = awaitAllEnded(names.size());
        assertThat(jobs).extracting(Job::name, Job::status).containsExactlyInAnyOrderElementsOf(names.stream()
                .map(name -> org.assertj.core.groups.Tuple.tuple(name, JobStatus.COMPLETED)).toList());
        assertThat(leaseHolder()).as("the lease row").contains("(pid " + waiter.pid() + ")");
    }

    private void createWorkspaceAndCluster(int maxNodes) throws Exception {
        cli = new CliRunner(data);
        expectSuccess(cli.run("workspace", "create", "--name", WS));
        expectSuccess(cli.run("compute", "create", "-w", WS, "--name", CPU, "--size", "Standard_DS1_v2",
                "--min-instances", "0", "--max-instances", Integer.toString(maxNodes),
                "--idle-time-before-scale-down", "30"));
    }

    private ServeProcess startServe(String name) throws IOException {
        ServeProcess serve = ServeProcess.start(cli, name);
        serves.add(serve);
        return serve;
    }

    /** Waits until the workspace holds {@code count} jobs, all ended; the client is closed before returning. */
    private List<Job> awaitAllEnded(int count) {
        try (AppContext client = openClient()) {
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<Job> jobs = client.jobs().list(WS);
                return jobs.size() >= count && jobs.stream().allMatch(job -> job.status().isFinal());
            });
            return client.jobs().list(WS);
        }
    }

    private List<String> submit(int count, String command) {
        try (AppContext client = openClient()) {
            return IntStream.rangeClosed(1, count).mapToObj(i -> client.jobs().submit(WS,
                    new JobSpec("job-" + i, null, null, CPU, command, null, 1, Map.of(), null, null)).name()).toList();
        }
    }

    private String leaseHolder() {
        try (AppContext client = openClient()) {
            return client.database().lease().holder().map(holder -> holder.owner() + " " + holder.description())
                    .orElse("(nobody)");
        }
    }

    private AppContext openClient() {
        return AppContext.open(data, RunnerChoice.PROCESS, "concurrency test client");
    }

    private static List<String> linesOf(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private static void expectSuccess(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
