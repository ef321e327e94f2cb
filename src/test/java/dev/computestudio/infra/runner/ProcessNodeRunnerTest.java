package dev.computestudio.infra.runner;

import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.JobLaunch;
import dev.computestudio.domain.port.NodeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The runner contract on real local processes, and what only processes need: whole trees, pids, data folders. */
class ProcessNodeRunnerTest extends CommandRunnerContractTest {

    @Override
    protected NodeRunner openRunner(Path dataFolder) {
        return new ProcessNodeRunner(dataFolder);
    }

    @Test
    void theCommandSeesItsWorkingFolderAsItsCurrentOne() throws Exception {
        JobLaunch launch = launch(startedNode(), "job-pwd", "pwd", Map.of());

        assertThat(start(launch).exitCode()).isZero();
        assertThat(Files.readString(launch.logFile())).isEqualTo(launch.workingDirectory().toRealPath() + "\n");
    }

    @Test
    void stoppingAJobStopsEveryProcessItStarted() throws Exception {
        JobLaunch launch = launch(startedNode(), "job-tree", "sleep 300 & echo $! > child.pid; wait", Map.of());
        Rank rank = start(launch);
        Path childPid = launch.workingDirectory().resolve("child.pid");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(childPid) && Files.size(childPid) > 0);
        long child = Long.parseLong(Files.readString(childPid).trim());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).contains(true);

        runner().stopJob(rank.handle());

        assertThat(rank.exitCode()).isNotZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThat(runner().isAlive(rank.handle())).isFalse();
    }

    @Test
    void findsItsOwnProcessesForThisDataFolderOnly(@TempDir Path otherData) {
        Node node = startedNode();
        ProcessNodeRunner other = new ProcessNodeRunner(otherData);
        String mine = start(launch(node, "job-mine", "sleep 300", Map.of())).handle();
        String theirs = other.startJob(launch(node, "job-theirs", "sleep 300", Map.of()), (launch, code) -> { });
        try {
            assertThat(runner().findRunning()).contains(mine).doesNotContain(theirs);
            assertThat(other.findRunning()).contains(theirs).doesNotContain(mine);
        } finally {
            other.stopJob(theirs);
        }
    }

    @Test
    void aHandleNeverNamesAnotherProcessThatReusedThePid() {
        long pid = ProcessHandle.current().pid();

        assertThat(runner().isAlive(pid + "@1")).isFalse();
        assertThat(runner().isAlive("not-a-handle")).isFalse();
        assertThat(Optional.of(runner().isAlive(null))).contains(false);
    }
}
