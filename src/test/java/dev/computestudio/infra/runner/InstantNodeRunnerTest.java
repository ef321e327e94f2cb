package dev.computestudio.infra.runner;

import dev.computestudio.domain.Node;
import dev.computestudio.domain.port.NodeRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner contract on the benchmarks' runner, which runs no command: every rank ends with
 * code 0 before it is even started, so a benchmark measures the scheduler alone.
 */
class InstantNodeRunnerTest extends NodeRunnerContractTest {

    private final InstantNodeRunner instant = new InstantNodeRunner();

    @Override
    protected NodeRunner openRunner(Path dataFolder) {
        return instant;
    }

    @Test
    void everyRankEndsWithCodeZeroBeforeItsStartReturnsWithoutRunningItsCommand() {
        Node node = startedNode();

        Rank failing = start(launch(node, "job-fails", "echo never > never.txt; exit 7", Map.of()));
        Rank other = start(launch(node, "job-other", "sleep 300", Map.of()));

        assertThat(failing.exitCodes()).containsExactly(0);
        assertThat(other.exitCodes()).containsExactly(0);
        assertThat(failing.launch().workingDirectory().resolve("never.txt")).doesNotExist();
        assertThat(failing.launch().logFile()).doesNotExist();
        assertThat(instant.startedRanks()).isEqualTo(2);
    }
}
