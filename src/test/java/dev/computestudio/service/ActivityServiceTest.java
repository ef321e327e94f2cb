package dev.computestudio.service;

import dev.computestudio.domain.LogEvent;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityServiceTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private ActivityService activity;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        activity = new ActivityService(studio.stores.events());
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void aReaderStartingAtTheLatestSequenceSeesOnlyWhatHappensNextInOrder() {
        studio.createCluster("cpu-cluster", dedicated(DS3, 0, 2));
        long start = activity.latestSequence();

        studio.submit("train-1", "cpu-cluster");
        studio.pass();

        List<LogEvent> next = activity.since(start, 100);
        assertThat(next).isNotEmpty();
        assertThat(next).extracting(LogEvent::sequence).isSorted().allSatisfy(seq -> assertThat(seq).isGreaterThan(start));
        assertThat(next.get(0).jobName()).isEqualTo("train-1");
        assertThat(next.get(0).state()).isEqualTo("QUEUED");
        assertThat(activity.latestSequence()).isEqualTo(next.get(next.size() - 1).sequence());
        assertThat(activity.since(activity.latestSequence(), 100)).isEmpty();
        assertThat(activity.since(start, 1)).containsExactly(next.get(0));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> activity.since(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
