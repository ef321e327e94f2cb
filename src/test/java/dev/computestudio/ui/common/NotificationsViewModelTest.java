package dev.computestudio.ui.common;

import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.service.ActivityService;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.NotificationsViewModel.Kind;
import dev.computestudio.ui.common.NotificationsViewModel.Notice;
import dev.computestudio.ui.common.NotificationsViewModel.Severity;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;

/** Notices for what the engine does while the studio runs, from the real event log, with no toolkit. */
class NotificationsViewModelTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private static final Instant NOW = Instant.parse("2026-12-03T14:03:12Z");

    private NotificationsViewModel notifications;
    private final List<StudioObject> opened = new ArrayList<>();

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        notifications = new NotificationsViewModel(new ActivityService(studio.stores.events()), new Messages(language),
                UiThreads.direct(), Clock.fixed(NOW, ZoneOffset.UTC), opened::add);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void historyFromBeforeTheStudioStartedIsNotReplayed() {
        studio.submit("old-job", CPU);
        studio.pass();
        studio.runner.exit("old-job", 0, 0);
        studio.pass();

        notifications.poll();
        notifications.poll();

        assertThat(notifications.notices()).isEmpty();
    }

    @Test
    void aJobThatCompletesFailsOrIsCanceledIsAnnouncedOnce() {
        notifications.poll();
        studio.submit("good-job", CPU);
        studio.submit("bad-job", CPU);
        studio.submit("unwanted-job", CPU);
        studio.pass();
        studio.runner.exit("good-job", 0, 0);
        studio.runner.exit("bad-job", 0, 2);
        studio.jobs.cancel(WS, "unwanted-job");
        studio.pass();

        notifications.poll();
        notifications.poll();

        assertThat(shown()).containsExactlyInAnyOrder(
                shown(Severity.SUCCESS, "Job completed", "Job good-job completed on cpu-cluster (ws-demo)."),
                shown(Severity.ERROR, "Job failed",
                        "Job bad-job failed (ws-demo): the command exited with code 2 on node "
                                + studio.job("bad-job").nodeIds().get(0)),
                shown(Severity.WARNING, "Job canceled", "Job unwanted-job was canceled (ws-demo)."));
    }

    @Test
    void aPreemptedNodeIsAnnouncedOnceWithTheJobThatGoesBackToTheQueue() {
        studio.createCluster("lowpri-cluster", lowPriority(DS3, 0, 2));
        studio.submit("train-1", "lowpri-cluster");
        studio.pass();
        notifications.poll();

        String node = studio.compute.preempt(WS, "lowpri-cluster", null).id();
        studio.advanceSeconds(1);
        studio.pass();
        notifications.poll();

        assertThat(studio.stores.events().after(0, 1000)).as("the node is logged preempted twice")
                .filteredOn(e -> e.kind() == EventKind.NODE && "PREEMPTED".equals(e.state())).hasSize(2);
        assertThat(shown()).containsExactly(shown(Severity.WARNING, "Node preempted",
                "Low-priority node " + node + " of lowpri-cluster (ws-demo) was preempted; job train-1 goes back "
                        + "to the queue and restarts from the beginning."));
    }

    @Test
    void aClusterThatCannotScaleForQuotaIsAnnounced() {
        studio.createCluster("gpu-cluster", dedicated(NC6, 0, 2));
        notifications.poll();
        studio.submit("gpu-job", "gpu-cluster");
        studio.pass();

        notifications.poll();

        assertThat(shown()).containsExactly(shown(Severity.ERROR, "Quota exceeded",
                "Cluster gpu-cluster (ws-demo) cannot add all the nodes it needs: the vCPU quota is used up."));
    }

    @Test
    void aClusterBlockedByALockIsAnnounced() {
        studio.locks.create(WS, "freeze", LockLevel.CAN_NOT_DELETE, null);
        notifications.poll();
        studio.submit("blocked-job", CPU);
        studio.pass();
        studio.pass();

        notifications.poll();

        assertThat(shown()).containsExactly(shown(Severity.ERROR,
                "Scaling blocked by a lock",
                "Cluster cpu-cluster (ws-demo) cannot scale: its workspace's resource group has a lock."));
    }

    @Test
    void aRunnerThatDoesNotAnswerIsAnnounced() {
        notifications.poll();
        studio.runner.breakDown("unix:///var/run/docker.sock");
        studio.pass();

        notifications.poll();

        assertThat(shown()).containsExactly(shown(Severity.ERROR, "Node runner unavailable",
                "Cluster cpu-cluster (ws-demo) cannot run nodes: the node runner does not answer."));
    }

    @Test
    void aBurstShowsAFewNoticesAndCountsTheRest() {
        notifications.poll();
        for (int i = 1; i <= 4; i++) {
            studio.submit("job-" + i, CPU);
        }
        studio.pass();
        for (int i = 1; i <= 4; i++) {
            studio.jobs.cancel(WS, "job-" + i);
        }
        studio.submit("job-5", CPU);
        studio.jobs.cancel(WS, "job-5");
        studio.pass();

        notifications.poll();

        assertThat(notifications.notices()).hasSize(NotificationsViewModel.MAX_NOTICES_PER_POLL);
        assertThat(shown().get(NotificationsViewModel.MAX_NOTICES_PER_POLL - 1))
                .isEqualTo(shown(Severity.INFORMATION, "More activity",
                        "2 more events; see the Jobs and Compute screens."));
    }

    @Test
    void noticesAreWrittenInTheChosenLanguage() {
        language.set(Locale.forLanguageTag("pt-BR"));
        LogEvent completed = new LogEvent(7, Instant.parse("2026-03-02T09:00:00Z"), EventKind.JOB, WS, CPU, null,
                "train-1", "COMPLETED", 1, null);

        assertThat(notifications.describe(completed).map(this::shown)).contains(shown(Severity.SUCCESS,
                "Trabalho concluído", "O trabalho train-1 foi concluído em cpu-cluster (ws-demo)."));
    }

    @Test
    void aNoticeShownFollowsTheLanguageToPortugueseAndBack() {
        notifications.poll();
        studio.submit("train-1", CPU);
        studio.pass();
        studio.jobs.cancel(WS, "train-1");
        studio.pass();
        notifications.poll();
        Notice canceled = notifications.notices().get(0);
        StringBinding title = notifications.title(canceled);
        StringBinding text = notifications.text(canceled);

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(title.get()).isEqualTo("Trabalho cancelado");
        assertThat(text.get()).isEqualTo("O trabalho train-1 foi cancelado (ws-demo).");

        language.set(Locale.ENGLISH);

        assertThat(title.get()).isEqualTo("Job canceled");
        assertThat(text.get()).isEqualTo("Job train-1 was canceled (ws-demo).");
    }

    @Test
    void theHistoryListsEveryNoticeNewestFirstAndCountsThemUnreadUntilSeen() {
        notifications.poll();
        studio.submit("first-job", CPU);
        studio.pass();
        studio.runner.exit("first-job", 0, 0);
        studio.pass();
        notifications.poll();
        studio.submit("second-job", CPU);
        studio.jobs.cancel(WS, "second-job");
        studio.pass();
        notifications.poll();

        assertThat(notifications.history()).extracting(Notice::kind)
                .containsExactly(Kind.JOB_CANCELED, Kind.JOB_COMPLETED);
        assertThat(notifications.unread()).isEqualTo(2);
        assertThat(notifications.time(notifications.history().get(0))).isEqualTo("14:03:12");

        notifications.markAllRead();

        assertThat(notifications.unreadProperty().get()).isZero();
        assertThat(notifications.history()).hasSize(2);
    }

    @Test
    void aBurstIsCountedInOnePopupButKeptWholeInTheHistory() {
        notifications.poll();
        for (int i = 1; i <= 6; i++) {
            studio.submit("job-" + i, CPU);
            studio.jobs.cancel(WS, "job-" + i);
        }
        studio.pass();

        notifications.poll();

        assertThat(notifications.notices()).hasSize(NotificationsViewModel.MAX_NOTICES_PER_POLL);
        assertThat(notifications.history()).hasSize(6).allSatisfy(notice ->
                assertThat(notice.kind()).isEqualTo(Kind.JOB_CANCELED));
        assertThat(notifications.history().get(0).subject()).isEqualTo(StudioObject.job(WS, "job-6"));
        assertThat(notifications.unread()).isEqualTo(6);
    }

    @Test
    void aPollReachesTheHistoryInOneChangeSoItsListRedoesItsCellsOnce() {
        notifications.poll();
        for (int i = 1; i <= 6; i++) {
            studio.submit("job-" + i, CPU);
            studio.jobs.cancel(WS, "job-" + i);
        }
        studio.pass();
        List<Integer> changes = new ArrayList<>();
        notifications.history().addListener((ListChangeListener<Notice>) change -> changes.add(1));

        notifications.poll();

        assertThat(changes).hasSize(1);
        assertThat(notifications.history()).extracting(notice -> notice.subject().name())
                .containsExactly("job-6", "job-5", "job-4", "job-3", "job-2", "job-1");
    }

    @Test
    void theHistoryKeepsTheLatestNoticesOnly() {
        notifications.poll();
        int count = NotificationsViewModel.KEPT_HISTORY + 5;
        List<LogEvent> completed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            completed.add(new LogEvent(0, NOW, EventKind.JOB, WS, CPU, null, "job-" + i, "COMPLETED", 1, null));
        }
        studio.stores.events().append(completed);

        notifications.poll();
        notifications.poll();

        assertThat(notifications.history()).hasSize(NotificationsViewModel.KEPT_HISTORY);
        assertThat(notifications.history().get(0).subject().name()).isEqualTo("job-" + count);
        assertThat(notifications.history().get(NotificationsViewModel.KEPT_HISTORY - 1).subject().name())
                .isEqualTo("job-6");
        assertThat(notifications.unread()).isEqualTo(NotificationsViewModel.KEPT_HISTORY);
    }

    @Test
    void anEntryGoesToTheJobOrClusterItIsAbout() {
        Notice failed = notifications.describe(new LogEvent(1, NOW, EventKind.JOB, WS, CPU, "tvm-1", "train-1",
                "FAILED", 1, null)).orElseThrow();
        Notice preempted = notifications.describe(new LogEvent(2, NOW, EventKind.NODE, WS, "lowpri-cluster",
                "tvm-2", "train-2", "PREEMPTED", 1, null)).orElseThrow();
        Notice quota = notifications.describe(new LogEvent(3, NOW, EventKind.CLUSTER, WS, "gpu-cluster", null, null,
                "QuotaExceeded", 0, null)).orElseThrow();

        notifications.open(failed);
        notifications.open(preempted);
        notifications.open(quota);

        assertThat(opened).containsExactly(StudioObject.job(WS, "train-1"),
                StudioObject.cluster(WS, "lowpri-cluster"), StudioObject.cluster(WS, "gpu-cluster"));
        assertThat(notifications.subject(failed).get()).isEqualTo("Job train-1 in ws-demo");
        language.set(Locale.forLanguageTag("pt-BR"));
        assertThat(notifications.subject(quota).get()).isEqualTo("Cluster gpu-cluster em ws-demo");
    }

    /** The notices as the user reads them now, one line each. */
    private List<String> shown() {
        return notifications.notices().stream().map(this::shown).toList();
    }

    private String shown(Notice notice) {
        return shown(notice.severity(), notifications.title(notice).get(), notifications.text(notice).get());
    }

    private static String shown(Severity severity, String title, String text) {
        return severity + " | " + title + " | " + text;
    }

    @Test
    void routineEventsAreNotNews() {
        List<LogEvent> routine = List.of(
                new LogEvent(1, StudioFixture.T0, EventKind.JOB, WS, CPU, null, "train-1", "RUNNING", 1, null),
                new LogEvent(2, StudioFixture.T0, EventKind.NODE, WS, CPU, "tvm-1", null, "IDLE", 0,
                        Message.of("reason.node.ready")),
                new LogEvent(3, StudioFixture.T0, EventKind.CLUSTER, WS, CPU, null, null, "SCALE_UP", 0,
                        Message.of("reason.cluster.scale-up", 1, 1, 0, 1)));

        assertThat(routine).allSatisfy(event -> assertThat(notifications.describe(event)).isEmpty());
    }
}
