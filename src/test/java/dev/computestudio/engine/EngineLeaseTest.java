package dev.computestudio.engine;

import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.port.EngineLease;
import dev.computestudio.testing.FakeNodeRunner;
import dev.computestudio.testing.MutableClock;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** One scheduler at a time: the engine lease, its heartbeat and its hand-over. */
class EngineLeaseTest {

    /** defaults(): a heartbeat older than 5 s is stale. */
    private static final EngineSettings SETTINGS = EngineSettings.defaults();

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final MutableClock wall = new MutableClock(StudioFixture.T0);
    private final FakeNodeRunner runnerA = new FakeNodeRunner();
    private final FakeNodeRunner runnerB = new FakeNodeRunner();
    private Engine engineA;
    private Engine engineB;

    @BeforeEach
    void openTwoEnginesOverOneDatabase() {
        studio = new StudioFixture(dataFolder);
        engineA = new Engine(studio.stores.lease(), studio.newReconciler(runnerA, SETTINGS), wall, SETTINGS,
                "owner-a", "studio window (pid 1)");
        engineB = new Engine(studio.stores.lease(), studio.newReconciler(runnerB, SETTINGS), wall, SETTINGS,
                "owner-b", "serve (pid 2)");
    }

    @AfterEach
    void closeAll() {
        engineA.close();
        engineB.close();
        studio.close();
    }

    @Test
    void onlyOneOfTwoEnginesHoldsTheLease() {
        assertThat(engineA.runOnce()).isTrue();
        assertThat(engineB.runOnce()).isFalse();

        assertThat(engineA.state()).isEqualTo(Engine.State.RUNNING);
        assertThat(engineB.state()).isEqualTo(Engine.State.WAITING_FOR_LEASE);
        assertThat(studio.stores.lease().holder()).get().extracting(EngineLease.Holder::owner).isEqualTo("owner-a");
    }

    @Test
    void onlyTheLeaseHolderActs() {
        studio.createCluster("cpu-cluster", dedicated(DS3, 0, 2));
        studio.submit("job-a", "cpu-cluster");

        engineA.runOnce();
        engineB.runOnce();

        assertThat(runnerA.launches()).hasSize(1);
        assertThat(runnerB.launches()).isEmpty();
        assertThat(runnerB.startedNodes()).isEmpty();
        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aHolderThatKeepsBeatingKeepsTheLease() {
        engineA.runOnce();
        for (int second = 0; second < 20; second += 4) {
            wall.advanceSeconds(4);
            assertThat(engineA.runOnce()).isTrue();
            assertThat(engineB.runOnce()).as("at +" + (second + 4) + " s").isFalse();
        }
    }

    @Test
    void anotherEngineTakesOverWhenTheHoldersHeartbeatGoesStale() {
        engineA.runOnce();

        wall.advanceSeconds(5);
        assertThat(engineB.runOnce()).as("5 s old is not yet stale").isFalse();
        wall.advanceSeconds(1);
        assertThat(engineB.runOnce()).isTrue();

        assertThat(studio.stores.lease().holder()).get().satisfies(holder -> {
            assertThat(holder.owner()).isEqualTo("owner-b");
            assertThat(holder.description()).isEqualTo("serve (pid 2)");
            assertThat(holder.heartbeat()).isEqualTo(StudioFixture.T0.plusSeconds(6));
        });
        assertThat(engineA.runOnce()).as("the old holder learns it lost the lease").isFalse();
        assertThat(engineA.holdsLease()).isFalse();
        assertThat(engineA.state()).isEqualTo(Engine.State.WAITING_FOR_LEASE);
    }

    @Test
    void closingTheHolderReleasesTheLeaseAtOnce() {
        engineA.runOnce();
        engineB.runOnce();

        engineA.close();

        assertThat(engineA.state()).isEqualTo(Engine.State.STOPPED);
        assertThat(studio.stores.lease().holder()).isEmpty();
        assertThat(engineB.runOnce()).as("no need to wait for staleness").isTrue();
    }

    @Test
    void aNewHolderRequeuesWhatTheStaleHolderWasRunning() {
        studio.createCluster("cpu-cluster", dedicated(DS3, 0, 2));
        studio.submit("job-a", "cpu-cluster");
        engineA.runOnce();
        assertThat(studio.job("job-a").attempt()).isEqualTo(1);

        wall.advanceSeconds(10);
        engineB.runOnce();

        assertThat(studio.job("job-a").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(studio.job("job-a").attempt()).isEqualTo(2);
        assertThat(runnerB.launchesOf("job-a")).singleElement()
                .satisfies(launch -> assertThat(launch.attempt()).isEqualTo(2));
    }
}
