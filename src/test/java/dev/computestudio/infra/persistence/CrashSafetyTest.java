package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.port.Repositories;
import dev.computestudio.service.QuotaService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.computestudio.infra.persistence.CrashingWriter.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 file survives a process killed in the middle of its writes (SIGKILL, no shutdown hook):
 * it opens again, every change the process saw stored is there, and no change is there by half.
 */
class CrashSafetyTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final int CRASHES = 5;

    @TempDir
    Path data;

    @Test
    void theDatabaseOpensWithEveryStoredChangeAfterFiveKillsMidWrite() throws Exception {
        Random random = new Random();
        Set<String> created = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        for (int crash = 0; crash < CRASHES; crash++) {
            int linesBeforeKill = 5 + random.nextInt(30);
            Path output = data.resolveSibling(data.getFileName() + "-writer-" + crash + ".out");
            Process writer = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                    CrashingWriter.class.getName(), data.toString(), "r" + crash)
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (Files.readAllLines(output).size() < linesBeforeKill) {
                assertThat(writer.isAlive()).as("the writer runs until it is killed").isTrue();
                assertThat(System.nanoTime()).as("the writer's progress").isLessThan(deadline);
                Thread.sleep(10);
            }
            // Killed while it goes on writing, at a moment of its own choosing.
            Thread.sleep(random.nextInt(40));
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Each line it printed before it died names a change that returned, so is stored.
            for (String line : Files.readAllLines(output)) {
                if (line.startsWith(CrashingWriter.CREATED)) {
                    created.add(line.substring(CrashingWriter.CREATED.length()));
                } else if (line.startsWith(CrashingWriter.DELETED)) {
                    deleted.add(line.substring(CrashingWriter.DELETED.length()));
                }
            }
            Files.delete(output);

            assertStoredWholeAndConsistent(created, deleted);
        }
    }

    private void assertStoredWholeAndConsistent(Set<String> created, Set<String> deleted) {
        try (Database database = Database.openFile(data)) {
            Repositories stores = database.repositories();
            Set<String> clusters = stores.clusters().list(WORKSPACE).stream().map(ComputeCluster::name)
                    .collect(Collectors.toSet());
            Set<String> jobs = stores.jobs().list(WORKSPACE).stream().map(Job::name).collect(Collectors.toSet());
            List<LogEvent> events = stores.events().after(0, Integer.MAX_VALUE);

            // Every change the writer saw returned is there (every third cluster may have been deleted
            // just before the kill, without the line that says so).
            Set<String> kept = new HashSet<>(created);
            kept.removeAll(deleted);
            kept.removeIf(cluster -> Integer.parseInt(cluster.substring(cluster.lastIndexOf('c') + 1)) % 3 == 2);
            assertThat(clusters).containsAll(kept).doesNotContainAnyElementsOf(deleted);
            created.forEach(cluster -> assertThat(jobs).contains("job-" + cluster));

            // No change is there by half: each cluster has its CREATED event and each event its cluster,
            // a deleted cluster has its DELETED event, and each job its "submitted" event.
            Set<String> createdEvents = clusterEvents(events, "CREATED");
            Set<String> deletedEvents = clusterEvents(events, "DELETED");
            Set<String> alive = new HashSet<>(createdEvents);
            alive.removeAll(deletedEvents);
            assertThat(clusters).isEqualTo(alive);
            Set<String> submitted = events.stream().filter(event -> event.kind() == EventKind.JOB)
                    .map(LogEvent::jobName).collect(Collectors.toSet());
            assertThat(jobs).isEqualTo(submitted);
            for (Job job : stores.jobs().list(WORKSPACE)) {
                assertThat(job.spec().environmentVariables()).containsKey("N");
            }

            // The quota counts exactly the clusters that are there.
            QuotaService quota = new QuotaService(stores.quota(), stores.workspaces(), stores.clusters(),
                    stores.nodes(), VmCatalog.standard());
            assertThat(quota.usage(WORKSPACE).stream().filter(usage -> usage.key().equals(QuotaKeys.CLUSTERS))
                    .findFirst().orElseThrow().currentValue()).isEqualTo(clusters.size());
        }
    }

    private static Set<String> clusterEvents(List<LogEvent> events, String state) {
        return events.stream().filter(event -> event.kind() == EventKind.CLUSTER && event.state().equals(state))
                .map(LogEvent::cluster).collect(Collectors.toSet());
    }
}
