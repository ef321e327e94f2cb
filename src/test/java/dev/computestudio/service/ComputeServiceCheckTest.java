package dev.computestudio.service;

import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.MessageFormatter;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The check that tells what creating a cluster would say, without creating it, and that create itself runs. */
class ComputeServiceCheckTest {

    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private ComputeService compute;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        compute = studio.compute;
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void checkFindsEveryProblemCreateWouldRefuseAndCreatesNothing() {
        ClusterSpec spec = ClusterSpec.defaults(DS3).withScale(3, 101, Duration.ofSeconds(-1));

        ComputeService.Check check = compute.check(WS, "9x", spec);

        assertThat(check.problems()).extracting(Problem::field, Problem::rule).containsExactlyInAnyOrder(
                tuple("name", "length"), tuple("name", "first-character"),
                tuple("idle_time_before_scale_down", "non-negative"), tuple("max_instances", "quota"));
        assertThatThrownBy(() -> compute.create(WS, "9x", spec))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.problems())
                        .containsExactlyInAnyOrderElementsOf(check.problems()));
        assertThat(compute.list(WS)).isEmpty();
        assertThat(studio.events()).isEmpty();
    }

    @Test
    void theNodesPerClusterQuotaIsOneRuleByCodeForCheckCreateAndUpdate() {
        Problem overQuota = new Problem("max_instances", "quota", Message.of("invalid.cluster.max-above-quota", 100));

        assertThat(compute.check(WS, CPU, dedicated(DS3, 0, 101)).problems()).containsExactly(overQuota);
        assertThatThrownBy(() -> compute.create(WS, CPU, dedicated(DS3, 0, 101)))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(refused.problems()).containsExactly(overQuota))
                .hasMessage("max_instances: must be at most 100, the nodes-per-cluster quota [quota]");
        compute.create(WS, CPU, dedicated(DS3, 0, 2));
        assertThatThrownBy(() -> compute.update(WS, CPU, new ComputeService.Update(0, 101, null, null, false)))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(refused.problems()).containsExactly(overQuota));
    }

    @Test
    void aNameTakenInAnyCaseIsAProblemOfTheNameInTheCheckAndAConflictAtCreate() {
        compute.create(WS, CPU, dedicated(DS3, 0, 2));

        ComputeService.Check check = compute.check(WS, "CPU-Cluster", dedicated(DS3, 0, 2));

        assertThat(check.problems()).containsExactly(new Problem("name", "taken",
                Message.of("conflict.compute.name-taken", WS, "CPU-Cluster")));
        assertThat(check.problems().get(0).message()).isEqualTo("workspace 'ws-demo' already has compute named 'CPU-Cluster'");
        assertThatThrownBy(() -> compute.create(WS, "CPU-Cluster", dedicated(DS3, 0, 2)))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.field()).isEqualTo("name");
                    assertThat(conflict.code()).isEqualTo("conflict.compute.name-taken");
                })
                .hasMessage("workspace 'ws-demo' already has compute named 'CPU-Cluster'");
        assertThat(compute.list(WS)).extracting(ComputeCluster::name).containsExactly(CPU);
    }

    @Test
    void aClusterThatIsValidAndFitsTheQuotaHasNothingToSay() {
        ComputeService.Check check = compute.check(WS, CPU, dedicated(DS3, 1, 6));

        assertThat(check.problems()).isEmpty();
        assertThat(check.quotaWarnings()).isEmpty();
    }

    @Test
    void quotaWarningsSayHowManyOfTheMaxNodesFitWhatTheWorkspaceHasLeft() {
        studio.createCluster("busy", dedicated(DS3, 2, 2));
        studio.pass();

        ComputeService.Check check = compute.check(WS, CPU, dedicated("Standard_DS2_v2", 9, 10));

        assertThat(check.problems()).as("creating it is still allowed, as in the cloud").isEmpty();
        assertThat(check.quotaWarnings()).extracting(Message::code).containsExactly("warning.compute.max-beyond-quota",
                "warning.compute.min-beyond-quota", "warning.compute.raise-quota");
        assertThat(check.quotaWarnings()).extracting(Message::english).containsExactly(
                "Max nodes 10 × 2 vCPUs needs 20 vCPUs, but only 16 are available in "
                        + "'Standard DSv2 Family Cluster Dedicated vCPUs': only 8 of the 10 nodes could actually run.",
                "Even the minimum of 9 nodes cannot be reached: the cluster would stay at 8.",
                "You can still create it. To let it grow, raise the limit: quota set -w ws-demo "
                        + "--key standardDSv2Family --limit 28");
    }

    @Test
    void aCanNotDeleteLockWarnsThatTheClusterWouldStayAtZeroNodesAndCreateSaysItToo() {
        studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null);

        ComputeService.Check check = compute.check(WS, CPU, dedicated(DS3, 1, 2));

        assertThat(check.problems()).as("creating it is still allowed").isEmpty();
        assertThat(check.quotaWarnings()).isEmpty();
        assertThat(check.lockWarnings()).extracting(Message::english).containsExactly(
                "Resource group 'rg-ws-demo' of workspace 'ws-demo' has a CanNotDelete lock 'keep': the cluster can be "
                        + "created, but it cannot add nodes while the lock stays, so it will be stuck at 0 nodes "
                        + "(resizing 0 -> 0). Remove the lock to let it scale: compute-studio lock delete -w ws-demo "
                        + "--name keep");
        assertThat(compute.create(WS, CPU, dedicated(DS3, 1, 2)).warnings()).as("what the command line prints")
                .containsExactlyElementsOf(check.lockWarnings());
    }

    @Test
    void aReadOnlyLockWarnsThatCreatingWouldBeRefusedWhateverOtherLocksSay() {
        studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null);
        studio.locks.create(WS, "freeze", LockLevel.READ_ONLY, null);

        ComputeService.Check check = compute.check(WS, CPU, dedicated(DS3, 0, 2));

        assertThat(check.lockWarnings()).extracting(Message::code).containsExactly("warning.compute.lock-read-only");
        assertThat(check.lockWarnings()).extracting(Message::english).singleElement().asString()
                .startsWith("Resource group 'rg-ws-demo' of workspace 'ws-demo' has a ReadOnly lock 'freeze': "
                        + "creating the cluster will be refused");
    }

    @Test
    void withoutALockThereIsNoLockWarning() {
        assertThat(compute.check(WS, CPU, dedicated(DS3, 0, 2)).lockWarnings()).isEmpty();
    }

    @Test
    void aGpuFamilyWithoutQuotaWarnsInTheUsersLanguage() {
        ComputeService.Check check = compute.check(WS, "gpu-cluster", dedicated(NC6, 0, 2));

        MessageFormatter portuguese = new MessageFormatter(Locale.forLanguageTag("pt-BR"));
        assertThat(check.quotaWarnings()).extracting(portuguese::format).containsExactly(
                "O máximo de 2 nós × 6 vCPUs precisa de 12 vCPUs, mas só 0 estão disponíveis em "
                        + "'Standard NC Family Cluster Dedicated vCPUs': só 0 dos 2 nós poderiam de fato rodar.",
                "Você ainda pode criá-lo. Para que ele cresça, aumente o limite: quota set -w ws-demo "
                        + "--key standardNCFamily --limit 12");
    }

    @Test
    void checkingInAWorkspaceThatIsGoneIsNotFound() {
        assertThatThrownBy(() -> compute.check("ws-nowhere", CPU, dedicated(DS3, 0, 2)))
                .isInstanceOf(NotFoundException.class).hasMessage("workspace 'ws-nowhere' was not found");
    }
}
