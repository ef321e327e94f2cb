package dev.computestudio.infra.runner;

import dev.computestudio.domain.port.JobLaunch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real local processes: working folder, variables, output, exit codes, stopping whole trees. */
class ProcessNodeRunnerTest {

    @TempDir
    Path data;

    private final List<String> started = new ArrayList<>();
    private ProcessNodeRunner runner;

    private JobLaunch launch(String command, Map<String, String> environment) {
        Path attempt = data.resolve("jobs/ws/job1/attempt-1");
        return new JobLaunch("ws", "job1", 1, "tvm-1_1", null, 0, 1, command, null, environment,
                attempt.resolve("work"), attempt.resolve("std_log_process_0.txt"), null);
    }

    private String start(JobLaunch launch, CompletableFuture<Integer> exit) {
        String handle = runner.startJob(launch, (ended, code) -> exit.complete(code));
        started.add(handle);
        return handle;
    }

    @AfterEach
    void stopLeftovers() {
        started.forEach(runner::stopJob);
    }

    @Test
    void runsTheCommandInItsWorkingFolderWithItsVariablesAndKeepsTheOutput() throws Exception {
        runner = new ProcessNodeRunner(data);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        JobLaunch launch = launch("pwd; echo \"rank=$NODE_RANK greeting=$GREETING\"; echo oops >&2",
                Map.of("NODE_RANK", "0", "GREETING", "olá"));

        start(launch, exit);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(Files.readString(launch.logFile())).isEqualTo(
                launch.workingDirectory().toRealPath() + "\nrank=0 greeting=olá\noops\n");
    }

    @Test
    void reportsTheExitCode() throws Exception {
        runner = new ProcessNodeRunner(data);
        CompletableFuture<Integer> exit = new CompletableFuture<>();

        start(launch("exit 7", Map.of()), exit);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(7);
    }

    @Test
    void stoppingAJobStopsEveryProcessItStarted() throws Exception {
        runner = new ProcessNodeRunner(data);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        JobLaunch launch = launch("sleep 300 & echo $! > child.pid; wait", Map.of());
        String handle = start(launch, exit);
        Path childPid = launch.workingDirectory().resolve("child.pid");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(childPid) && Files.size(childPid) > 0);
        long child = Long.parseLong(Files.readString(childPid).trim());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

        runner.stopJob(handle);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isNotZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThat(runner.isAlive(handle)).isFalse();
    }

    @Test
    void findsItsOwnProcessesForThisDataFolderOnly(@TempDir Path otherData) throws Exception {
        runner = new ProcessNodeRunner(data);
        ProcessNodeRunner other = new ProcessNodeRunner(otherData);
        String mine = start(launch("sleep 300", Map.of()), new CompletableFuture<>());
        String theirs = other.startJob(launch("sleep 300", Map.of()), (launch, code) -> { });
        try {
            assertThat(runner.findRunning()).contains(mine).doesNotContain(theirs);
            assertThat(other.findRunning()).contains(theirs).doesNotContain(mine);
        } finally {
            other.stopJob(theirs);
        }
    }

    @Test
    void aHandleNeverNamesAnotherProcessThatReusedThePid() {
        runner = new ProcessNodeRunner(data);
        long pid = ProcessHandle.current().pid();

        assertThat(runner.isAlive(pid + "@1")).isFalse();
        assertThat(runner.isAlive("not-a-handle")).isFalse();
        assertThat(Optional.of(runner.isAlive(null))).contains(false);
    }
}
