package dev.computestudio.infra.runner;

import dev.computestudio.domain.port.JobLaunch;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rest of the runner contract, for runners that really run a job's command ({@code sh -c}):
 * its exit code, its output, its working folder and its variables reach the user as the cloud
 * gives them, and a canceled rank stops. Every command here runs in busybox's sh as well as in
 * the host's.
 */
public abstract class CommandRunnerContractTest extends NodeRunnerContractTest {

    @Test
    void theCommandsExitCodeReachesTheListener() throws Exception {
        Rank rank = start(launch(startedNode(), "job-seven", "exit 7", Map.of()));

        assertThat(rank.exitCode()).isEqualTo(7);
    }

    @Test
    void theCommandsOutputAndErrorsAreInTheRanksLog() throws Exception {
        Rank rank = start(launch(startedNode(), "job-talks", "echo out; echo err >&2; exit 3", Map.of()));

        assertThat(rank.exitCode()).isEqualTo(3);
        assertThat(Files.readString(rank.launch().logFile())).contains("out\n").contains("err\n");
    }

    @Test
    void theCommandRunsInTheAttemptsWorkingFolder() throws Exception {
        JobLaunch launch = launch(startedNode(), "job-writes", "echo made here > made.txt", Map.of());
        Rank rank = start(launch);

        assertThat(rank.exitCode()).isZero();
        assertThat(Files.readString(launch.workingDirectory().resolve("made.txt"))).isEqualTo("made here\n");
    }

    @Test
    void everyVariableOfTheLaunchReachesTheCommandTheIdentityOnesIncluded() throws Exception {
        Map<String, String> environment = Map.of(
                "MSI_ENDPOINT", "http://127.0.0.1:41234/msi/token",
                "MSI_SECRET", "a-secret-for-this-node",
                "DEFAULT_IDENTITY_CLIENT_ID", "5a1b2c3d-0000-4000-8000-00000000c1d0",
                "NODE_RANK", "0",
                "GREETING", "olá \"world\" & $HOME");
        Rank rank = start(launch(startedNode(), "job-env", "printf '%s|%s|%s|%s|%s\\n' \"$MSI_ENDPOINT\" "
                + "\"$MSI_SECRET\" \"$DEFAULT_IDENTITY_CLIENT_ID\" \"$NODE_RANK\" \"$GREETING\"", environment));

        assertThat(rank.exitCode()).isZero();
        assertThat(Files.readString(rank.launch().logFile())).isEqualTo("http://127.0.0.1:41234/msi/token"
                + "|a-secret-for-this-node|5a1b2c3d-0000-4000-8000-00000000c1d0|0|olá \"world\" & $HOME\n");
    }

    @Test
    void stoppingARunningRankEndsItAndLeavesNothingOfItRunning() throws Exception {
        Rank rank = start(launch(startedNode(), "job-long", "sleep 300", Map.of()));
        await().atMost(PATIENCE).until(() -> runner().isAlive(rank.handle()));
        assertThat(runner().findRunning()).contains(rank.handle());

        runner().stopJob(rank.handle());

        assertThat(rank.exitCode()).isNotZero();
        assertThat(runner().isAlive(rank.handle())).isFalse();
        assertThat(runner().findRunning()).doesNotContain(rank.handle());
    }
}
