package dev.computestudio.infra.persistence;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.Job;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Node;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The repository contract on a real H2 file, plus what only a file database does. */
class H2FileRepositoryTest extends RepositoryContractTest {

    @TempDir
    Path temp;

    @Override
    protected Database openDatabase() {
        return Database.openFile(dataFolder());
    }

    /** Not there yet: the database creates it. */
    private Path dataFolder() {
        return temp.resolve("data");
    }

    private Path databaseFile() {
        return dataFolder().resolve(Database.NAME + ".mv.db");
    }

    @Test
    void everythingSurvivesClosingAndReopening() {
        ComputeCluster cluster = clusterWithEverything(WS, "gpu-cluster");
        ComputeCluster msiCluster = clusterWithSystemIdentity(WS, "cpu-msi");
        Node node = node(WS, "gpu-cluster", "tvm-1_1-20240501t101530z", NodeState.RUNNING, T0);
        Node goneNode = node(WS, "gpu-cluster", "tvm-1_2-20240501t101530z", NodeState.GONE, T0);
        Job job = jobWithEverything(WS, "train-1", T0);
        Job queued = queuedJob(WS, "hello", T0.plusSeconds(1));
        ResourceLock lock = new ResourceLock(WS, "freeze", LockLevel.READ_ONLY, "audit week", T0);
        UserAssignedIdentity identity = identity(WS, "id-one", IDENTITY_ONE);
        List<LogEvent> events = eventsOfEveryKind(WS, "gpu-cluster");
        Database first = database();
        first.clusters().insert(cluster);
        first.clusters().insert(msiCluster);
        first.nodes().insert(node);
        first.nodes().insert(goneNode);
        first.jobs().insert(job);
        first.jobs().insert(queued);
        first.quotas().setLimit(WS, "standardNCSv3Family", 24);
        first.locks().insert(lock);
        first.identities().insert(identity);
        first.eventLog().append(events);
        first.settings().put("theme", "dark");
        List<LogEvent> stored = first.eventLog().after(0, 100);

        first.close();

        try (Database reopened = Database.openFile(dataFolder())) {
            assertThat(reopened.workspaces().list()).containsExactly(workspace(WS));
            assertThat(reopened.clusters().list(WS)).containsExactly(msiCluster, cluster);
            assertThat(reopened.nodes().listAll(WS, "gpu-cluster")).containsExactly(node, goneNode);
            assertThat(reopened.jobs().list(WS)).containsExactly(queued, job);
            assertThat(reopened.quotas().limits(WS)).containsExactly(entry("standardNCSv3Family", 24));
            assertThat(reopened.locks().list(WS)).containsExactly(lock);
            assertThat(reopened.identities().list(WS)).containsExactly(identity);
            assertThat(reopened.eventLog().after(0, 100)).containsExactly(
                    numbered(events.get(0), stored.get(0).sequence()),
                    numbered(events.get(1), stored.get(1).sequence()),
                    numbered(events.get(2), stored.get(2).sequence()));
            assertThat(reopened.settings().get("theme")).contains("dark");
        }
    }

    @Test
    void sequenceNumbersKeepIncreasingAfterReopening() {
        database().eventLog().append(eventsOfEveryKind(WS, "cpu"));
        long last = database().eventLog().after(0, 100).get(2).sequence();
        database().close();

        try (Database reopened = Database.openFile(dataFolder())) {
            reopened.eventLog().append(eventsOfEveryKind(WS, "cpu"));

            assertThat(reopened.eventLog().after(last, 100)).hasSize(3);
        }
    }

    @Test
    void dataFolderAndDatabaseFilesAreOwnerOnly() throws IOException {
        assumeTrue(posix(), "the file system has no POSIX permissions");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataFolder()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(databaseFile()))).isEqualTo("rw-------");
        try (var files = Files.list(dataFolder())) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                        .as(file.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void existingDataFolderKeepsItsPermissionsButTheDatabaseFileIsOwnerOnly() throws IOException {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (Database ignored = Database.openFile(shared)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    shared.resolve(Database.NAME + ".mv.db")))).isEqualTo("rw-------");
        }
    }

    @Test
    void secondDatabaseOnTheSameFolderSeesTheFirstsWrites() {
        try (Database second = Database.openFile(dataFolder())) {
            database().workspaces().insert(workspace("from-first"));
            second.workspaces().insert(workspace("from-second"));

            assertThat(second.workspaces().find("from-first")).contains(workspace("from-first"));
            assertThat(database().workspaces().find("from-second")).contains(workspace("from-second"));
        }
        assertThat(database().workspaces().list()).extracting(Workspace::name).contains("from-second");
    }

    @Test
    void anotherProcessSharesTheOpenDatabase() throws Exception {
        database().workspaces().insert(workspace("from-test"));
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SecondProcess.class.getName(), dataFolder().toString(), "from-process")
                .redirectErrorStream(true)
                .start();
        List<String> output;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = reader.lines().toList();
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the second process ends").isTrue();

        assertThat(process.exitValue()).as(String.join("\n", output)).isZero();
        assertThat(output.stream().filter(line -> line.startsWith(SecondProcess.PREFIX)))
                .containsExactly(SecondProcess.PREFIX + "from-process", SecondProcess.PREFIX + "from-test",
                        SecondProcess.PREFIX + WS);
        assertThat(database().workspaces().find("from-process")).contains(workspace("from-process"));
    }

    @Test
    void aCommittedChangeSurvivesTheProcessBeingKilledAMomentLater() throws Exception {
        Path folder = temp.resolve("killed");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CommitThenWait.class.getName(), folder.toString(), "committed-then-killed")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            while (line != null && !line.equals(CommitThenWait.COMMITTED)) {
                line = reader.readLine();
            }
            assertThat(line).as("the process said it committed").isEqualTo(CommitThenWait.COMMITTED);
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        try (Database reopened = Database.openFile(folder)) {
            assertThat(reopened.workspaces().find("committed-then-killed")).as("the committed workspace")
                    .contains(workspace("committed-then-killed"));
        }
    }

    private boolean posix() {
        return temp.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
