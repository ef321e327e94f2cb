package dev.computestudio.ui.compute;

import dev.computestudio.domain.AllocationState;
import dev.computestudio.domain.ClusterError;
import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ClusterSpec;
import dev.computestudio.domain.ClusterStatus;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.NodeStateCounts;
import dev.computestudio.domain.ProvisioningState;
import dev.computestudio.domain.VmTier;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.lowPriority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The compute screen's state and commands over the real services and H2, without a toolkit. */
class ComputeViewModelTest {

    private static final String CPU = "cpu-cluster";
    private static final String LOW = "lowpri-cluster";
    private static final String GPU = "gpu-cluster";
    private static final String RESOURCE = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-shared"
            + "/providers/Microsoft.Compute/virtualMachines/shared-vm";
    /** A user-assigned identity of the workspace, made in {@link #openStudio()}. */
    private String identity;

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final Messages messages = new Messages(language);
    private final List<String> wizardOpenedFor = new ArrayList<>();
    private int timelineOpened;
    private ComputeViewModel compute;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        identity = studio.createIdentity("trainer-id");
        compute = new ComputeViewModel(studio.compute, UiThreads.direct(), workspace, messages, wizardOpenedFor::add,
                () -> timelineOpened++, ZoneOffset.UTC);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void listsTheWorkspacesComputeWithItsSettingsAndCounts() {
        studio.createCluster(CPU, dedicated(DS3, 1, 4));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        studio.compute.attach(WS, "shared-vm", RESOURCE);
        studio.pass();

        compute.refresh();

        assertThat(compute.clusters()).extracting(ClusterRow::name, ClusterRow::state, ClusterRow::tier,
                ClusterRow::min, ClusterRow::max, ClusterRow::idleSeconds, ClusterRow::isAttached).containsExactly(
                tuple(CPU, ProvisioningState.SUCCEEDED, VmTier.DEDICATED, 1, 4, 120L, false),
                tuple(LOW, ProvisioningState.SUCCEEDED, VmTier.LOW_PRIORITY, 0, 2, 120L, false),
                tuple("shared-vm", ProvisioningState.SUCCEEDED, VmTier.DEDICATED, 0, 1, 120L, true));
        ClusterRow cpu = compute.clusters().get(0);
        assertThat(cpu.sizeProperty().get()).isEqualTo(DS3);
        assertThat(cpu.current()).as("min 1 keeps one node").isEqualTo(1);
        assertThat(cpu.target()).isEqualTo(1);
        assertThat(compute.selected()).isNull();
        assertThat(compute.changeDisabledProperty().get()).as("nothing selected").isTrue();
        assertThat(compute.newDisabledProperty().get()).isFalse();
    }

    @Test
    void liveRefreshMovesTheCountsAndKeepsTheSelection() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        compute.refresh();
        ClusterRow low = compute.clusters().get(1);
        compute.select(low);
        assertThat(compute.details().name()).isEqualTo(LOW);
        assertThat(compute.details().nodes()).isEmpty();

        studio.submit("train-1", LOW);
        studio.pass();
        // The command line adds a cluster that sorts before the selected one.
        studio.compute.create(WS, "aaa-cluster", dedicated(DS3, 0, 1));
        compute.refresh();

        assertThat(compute.clusters()).extracting(ClusterRow::name).containsExactly("aaa-cluster", CPU, LOW);
        assertThat(compute.selected()).as("the same row, updated in place").isSameAs(low);
        assertThat(low.current()).isEqualTo(1);
        assertThat(low.target()).isEqualTo(1);
        assertThat(compute.details().name()).isEqualTo(LOW);
        assertThat(compute.details().counts().running()).isEqualTo(1);
        assertThat(compute.details().nodes()).singleElement().satisfies(node -> {
            assertThat(node.state()).isEqualTo(NodeState.RUNNING);
            assertThat(node.job()).isEqualTo("train-1");
            assertThat(node.nodeId()).startsWith("tvm-");
            assertThat(node.privateIp()).startsWith("10.0.");
        });
        NodeRow node = compute.details().nodes().get(0);

        studio.runner.exit("train-1", 0, 0);
        studio.advanceSeconds(1);
        studio.pass();
        compute.refresh();

        assertThat(compute.details().nodes()).singleElement().isSameAs(node);
        assertThat(node.state()).isEqualTo(NodeState.IDLE);
        assertThat(node.job()).isNull();
        assertThat(compute.details().counts().idle()).isEqualTo(1);
        assertThat(compute.selected()).isSameAs(low);
    }

    @Test
    void detailsShowTheSelectedClustersProperties() {
        ClusterSpec spec = new ClusterSpec(DS3, VmTier.DEDICATED, 0, 3, Duration.ofSeconds(300), null, null,
                ClusterIdentity.userAssigned(List.of(identity)), Map.of("team", "vision"),
                "nightly training", null);
        studio.compute.create(WS, CPU, spec);
        compute.refresh();

        compute.select(CPU);

        assertThat(compute.details().properties()).extracting(DetailItem::labelKey, DetailItem::value).contains(
                tuple("cluster.prop.size", DS3),
                tuple("cluster.prop.tier", "Dedicated"),
                tuple("cluster.prop.scale", "0 / 3"),
                tuple("cluster.prop.idle", "300 s idle"),
                tuple("cluster.prop.location", "eastus"),
                tuple("cluster.prop.ssh", "Off"),
                tuple("cluster.prop.identity", "User-assigned"),
                tuple("cluster.prop.identityIds", identity),
                tuple("cluster.prop.description", "nightly training"),
                tuple("cluster.prop.tags", "team=vision"),
                tuple("cluster.prop.created", "Mar 2, 2026, 9:00 AM"));
        assertThat(compute.details().summaryProperty().get()).isEqualTo("Succeeded · Steady · 0 nodes, target 0");
    }

    @Test
    void aSelectedClusterThatGoesAwayIsUnselected() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);

        studio.compute.delete(WS, CPU);
        compute.refresh();

        assertThat(compute.clusters()).isEmpty();
        assertThat(compute.selected()).isNull();
        assertThat(compute.details().shownProperty().get()).isFalse();
    }

    @Test
    void switchingWorkspaceShowsThatWorkspacesCompute() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.workspaces.create("ml-prod", null, null);
        studio.compute.create("ml-prod", "prod-cluster", dedicated(DS3, 0, 2));
        compute.refresh();
        compute.select(CPU);

        workspace.set("ml-prod");

        assertThat(compute.clusters()).extracting(ClusterRow::name).containsExactly("prod-cluster");
        assertThat(compute.selected()).isNull();

        workspace.set(null);

        assertThat(compute.noWorkspaceProperty().get()).isTrue();
        assertThat(compute.newDisabledProperty().get()).isTrue();
        assertThat(compute.clusters()).isEmpty();
    }

    @Test
    void scaleSettingsAreCheckedAsTheUserTypes() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);
        ScaleSettingsForm form = compute.editScaleSettings();
        assertThat(form.minProperty().get()).isEqualTo("0");
        assertThat(form.maxProperty().get()).isEqualTo("4");
        assertThat(form.idleProperty().get()).isEqualTo("120");
        assertThat(form.saveDisabledProperty().get()).isFalse();

        form.minProperty().set("3");
        form.maxProperty().set("2");

        assertThat(form.maxErrorProperty().get()).isEqualTo("Must not be below the minimum (3).");
        assertThat(form.minErrorProperty().get()).isNull();
        assertThat(form.saveDisabledProperty().get()).isTrue();

        form.minProperty().set("0");
        form.maxProperty().set("0");

        assertThat(form.maxErrorProperty().get()).isEqualTo("Must be 1 or more.");
        assertThat(form.saveDisabledProperty().get()).isTrue();

        form.maxProperty().set("two");
        form.idleProperty().set("-5");

        assertThat(form.maxErrorProperty().get()).isEqualTo("Enter a whole number.");
        assertThat(form.idleErrorProperty().get()).isEqualTo("Must be 0 seconds or more.");

        form.save();
        assertThat(studio.compute.show(WS, CPU).spec().maxNodes()).as("nothing sent while invalid").isEqualTo(4);
    }

    @Test
    void savedScaleSettingsReachTheServiceAndTheTable() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);
        ScaleSettingsForm form = compute.editScaleSettings();

        form.minProperty().set("1");
        form.maxProperty().set("6");
        form.idleProperty().set("600");
        form.save();

        assertThat(form.isSaved()).isTrue();
        assertThat(studio.compute.show(WS, CPU).spec()).satisfies(spec -> {
            assertThat(spec.minNodes()).isEqualTo(1);
            assertThat(spec.maxNodes()).isEqualTo(6);
            assertThat(spec.idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(600));
        });
        assertThat(compute.clusters().get(0).max()).isEqualTo(6);
        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.SUCCESS);
        assertThat(compute.feedbackText()).isEqualTo("Scale settings of “cpu-cluster” saved.");
    }

    @Test
    void aReadOnlyLockRefusesNewScaleSettingsAndTheFormSaysWhy() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);
        studio.locks.create(WS, "frozen", LockLevel.READ_ONLY, null);
        ScaleSettingsForm form = compute.editScaleSettings();

        form.maxProperty().set("8");
        form.save();

        assertThat(form.isSaved()).isFalse();
        assertThat(form.formError()).contains("ReadOnly lock 'frozen'").contains("delete the lock first");
        assertThat(studio.compute.show(WS, CPU).spec().maxNodes()).isEqualTo(4);

        form.maxProperty().set("9");
        assertThat(form.formError()).as("editing again clears the old answer").isNull();
    }

    @Test
    void theServicesProblemsAppearOnTheFieldTheyName() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);
        ScaleSettingsForm form = compute.editScaleSettings();

        form.maxProperty().set("500");
        form.save();

        assertThat(form.maxErrorProperty().get()).isEqualTo("must be at most 100, the nodes-per-cluster quota");
        assertThat(form.saveDisabledProperty().get()).isTrue();
        assertThat(form.formError()).isNull();

        form.maxProperty().set("50");
        assertThat(form.maxErrorProperty().get()).isNull();
        assertThat(form.saveDisabledProperty().get()).isFalse();
    }

    @Test
    void aDeletedClusterWithNodesStaysListedAsDeletingUntilItIsGone() {
        studio.createCluster(CPU, dedicated(DS3, 1, 4));
        studio.pass();
        compute.refresh();
        compute.select(CPU);

        compute.delete();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.INFO);
        assertThat(compute.feedbackText()).isEqualTo(
                "“cpu-cluster” still has nodes, so it is Deleting: the engine removes its nodes first, then the cluster.");
        assertThat(compute.clusters()).singleElement().extracting(ClusterRow::state)
                .isEqualTo(ProvisioningState.DELETING);
        assertThat(compute.changeDisabledProperty().get()).as("nothing more to change while deleting").isTrue();

        studio.pass();
        compute.refresh();

        assertThat(compute.clusters()).as("listed while its node leaves").singleElement()
                .satisfies(row -> assertThat(row.stateTextProperty().get()).isEqualTo("Deleting"));
        assertThat(compute.selected().name()).isEqualTo(CPU);
        assertThat(compute.details().summaryProperty().get()).startsWith("Deleting");
        assertThat(compute.details().nodes()).extracting(NodeRow::state).containsExactly(NodeState.LEAVING);

        language.set(PORTUGUESE);
        assertThat(compute.clusters().get(0).stateTextProperty().get()).isEqualTo("Excluindo");
        language.set(Locale.ENGLISH);

        studio.advanceSeconds(3); // the engine's drain of a deleted cluster's nodes
        studio.pass();
        compute.refresh();

        assertThat(compute.clusters()).isEmpty();
        assertThat(compute.selected()).isNull();
    }

    @Test
    void deletingAnEmptyClusterRemovesItAtOnce() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);

        compute.delete();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.SUCCESS);
        assertThat(compute.feedbackText()).isEqualTo("Deleted “cpu-cluster”.");
        assertThat(compute.clusters()).isEmpty();
    }

    @Test
    void aLockThatForbidsDeletionIsReported() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);
        compute.refresh();
        compute.select(CPU);

        compute.delete();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.ERROR);
        assertThat(compute.feedbackText()).contains("CanNotDelete lock 'keep-it'");
        assertThat(compute.clusters()).hasSize(1);
    }

    @Test
    void attachingTheSameResourceTwiceNamesTheFirstAttachment() {
        AttachForm first = compute.attach();
        first.nameProperty().set("shared-vm");
        first.resourceIdProperty().set(RESOURCE);
        first.save();
        assertThat(first.isSaved()).isTrue();
        assertThat(compute.clusters()).extracting(ClusterRow::name).containsExactly("shared-vm");

        AttachForm second = compute.attach();
        second.nameProperty().set("shared-again");
        second.resourceIdProperty().set(RESOURCE);
        second.save();

        assertThat(second.isSaved()).isFalse();
        assertThat(second.resourceIdErrorProperty().get()).as("the clash is about the resource id")
                .contains("already attached").contains("as 'shared-vm'").contains("detach 'shared-vm' first");
        assertThat(compute.clusters()).extracting(ClusterRow::name).containsExactly("shared-vm");
    }

    @Test
    void attachShowsTheServicesRulesOnItsFields() {
        AttachForm form = compute.attach();
        assertThat(form.saveDisabledProperty().get()).as("both fields are needed").isTrue();

        form.nameProperty().set("x");
        form.resourceIdProperty().set("not-an-id");
        form.save();

        assertThat(form.nameErrorProperty().get()).contains("3 to 24 characters");
        assertThat(form.resourceIdErrorProperty().get()).contains("must be a resource id");
    }

    @Test
    void attachedComputeCanBeDetachedButNotScaledOrDeleted() {
        studio.compute.attach(WS, "shared-vm", RESOURCE);
        compute.refresh();
        compute.select("shared-vm");

        assertThat(compute.changeDisabledProperty().get()).isTrue();
        assertThat(compute.detachDisabledProperty().get()).isFalse();
        assertThat(compute.details().properties()).extracting(DetailItem::labelKey)
                .contains("cluster.prop.resourceId");

        compute.detach();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.SUCCESS);
        assertThat(compute.feedbackText()).isEqualTo("Detached “shared-vm”.");
        assertThat(compute.clusters()).isEmpty();
    }

    @Test
    void quotaExceededComesWithItsTroubleshootingHint() {
        studio.createCluster(GPU, dedicated(NC6, 0, 2));
        studio.submit("train-gpu", GPU);
        studio.pass();
        compute.refresh();

        compute.select(GPU);

        assertThat(compute.clusters().get(0).errorCount()).isEqualTo(1);
        assertThat(compute.details().errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("QuotaExceeded");
            assertThat(error.message()).contains("standardNCFamily").contains("limit 0");
            assertThat(error.hint()).isEqualTo(
                    "Raise the quota on the Quota screen (the local stand-in for a support request).");
        });
    }

    @Test
    void aLockOnTheResourceGroupComesWithItsHint() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.locks.create(WS, "keep-it", LockLevel.CAN_NOT_DELETE, null);
        studio.submit("train-1", CPU);
        studio.pass();
        compute.refresh();

        compute.select(CPU);

        assertThat(compute.clusters().get(0).allocation()).isEqualTo(AllocationState.RESIZING);
        assertThat(compute.details().errors()).extracting(ClusterErrorRow::code, ClusterErrorRow::hint)
                .containsExactly(tuple("ScopeLocked", "Remove the lock on the Workspaces screen; locks on the "
                        + "workspace's resource group stop scaling."));
    }

    @Test
    void aRunnerThatIsGoneComesWithItsHint() {
        studio.createCluster(CPU, dedicated(DS3, 1, 2));
        studio.runner.breakDown("unix:///var/run/docker.sock");
        studio.pass();
        compute.refresh();

        compute.select(CPU);

        assertThat(compute.details().errors()).extracting(ClusterErrorRow::code, ClusterErrorRow::hint)
                .containsExactly(tuple("RunnerUnavailable", "Start the Docker engine or run with --runner process."));
    }

    @Test
    void statesTiersAndTheSummaryFollowTheLanguageToPortugueseAndBack() {
        studio.createCluster(LOW, lowPriority(DS3, 1, 2));
        studio.pass();
        compute.refresh();
        compute.select(LOW);
        ClusterRow row = compute.clusters().get(0);
        NodeRow node = compute.details().nodes().get(0);

        language.set(PORTUGUESE);

        assertThat(row.stateTextProperty().get()).isEqualTo("Êxito");
        assertThat(row.allocationTextProperty().get()).isEqualTo("Estável");
        assertThat(row.tierTextProperty().get()).isEqualTo("Baixa prioridade");
        assertThat(node.stateTextProperty().get()).isEqualTo("ocioso");
        assertThat(compute.details().summaryProperty().get()).isEqualTo("Êxito · Estável · 1 nó, alvo 1");
        assertThat(compute.details().nodeStateName(NodeState.IDLE).get()).isEqualTo("ocioso");
        assertThat(compute.details().properties()).extracting(DetailItem::labelKey, DetailItem::value)
                .contains(tuple("cluster.prop.tier", "Baixa prioridade"));

        language.set(Locale.ENGLISH);

        assertThat(row.stateTextProperty().get()).isEqualTo("Succeeded");
        assertThat(row.allocationTextProperty().get()).isEqualTo("Steady");
        assertThat(row.tierTextProperty().get()).isEqualTo("Low priority");
        assertThat(node.stateTextProperty().get()).isEqualTo("idle");
        assertThat(compute.details().summaryProperty().get()).isEqualTo("Succeeded · Steady · 1 node, target 1");
    }

    @Test
    void aClusterErrorIsShownInTheLanguageAndKeepsTheCloudsCode() {
        studio.createCluster(GPU, dedicated(NC6, 0, 2));
        ComputeCluster stored = studio.compute.show(WS, GPU);
        // Any text by code will do; the engine's own codes are rendered the same way.
        ClusterError quota = new ClusterError(ClusterError.QUOTA_EXCEEDED,
                Message.of("notify.cluster.quota.text", GPU, WS));
        ClusterDetails details = new ClusterDetails(messages, ZoneOffset.UTC);
        details.showCluster(stored.withStatus(new ClusterStatus(ProvisioningState.SUCCEEDED,
                AllocationState.RESIZING, StudioFixture.T0, 0, 1, NodeStateCounts.ZERO, List.of(quota))));

        language.set(PORTUGUESE);

        assertThat(details.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("QuotaExceeded");
            assertThat(error.message()).isEqualTo("O cluster gpu-cluster (ws-demo) não consegue adicionar todos os "
                    + "nós de que precisa: a cota de vCPUs acabou.");
            assertThat(error.hint()).startsWith("Aumente a cota na tela Cota");
        });

        language.set(Locale.ENGLISH);

        assertThat(details.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("QuotaExceeded");
            assertThat(error.message()).isEqualTo(
                    "Cluster gpu-cluster (ws-demo) cannot add all the nodes it needs: the vCPU quota is used up.");
            assertThat(error.hint()).startsWith("Raise the quota on the Quota screen");
        });
    }

    @Test
    void feedbackFollowsTheLanguageWhileItIsShown() {
        studio.createCluster(CPU, dedicated(DS3, 0, 4));
        compute.refresh();
        compute.select(CPU);
        compute.delete();

        language.set(PORTUGUESE);

        assertThat(compute.feedbackText()).isEqualTo("“cpu-cluster” excluído.");

        language.set(Locale.ENGLISH);

        assertThat(compute.feedbackText()).isEqualTo("Deleted “cpu-cluster”.");
    }

    @Test
    void errorCodesMapToHints() {
        assertThat(ClusterDetails.hintKey("QuotaExceeded")).isEqualTo("cluster.hint.QuotaExceeded");
        assertThat(ClusterDetails.hintKey("ScopeLocked")).isEqualTo("cluster.hint.ScopeLocked");
        assertThat(ClusterDetails.hintKey("RunnerUnavailable")).isEqualTo("cluster.hint.RunnerUnavailable");
        assertThat(ClusterDetails.hintKey("SomethingElse")).isNull();
    }

    @Test
    void preemptionNeedsALowPriorityClusterWithAnIdleOrRunningNode() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        studio.createCluster(LOW, lowPriority(DS3, 0, 2));
        studio.submit("train-cpu", CPU);
        compute.refresh();

        compute.select(LOW);
        assertThat(compute.preemptDisabledProperty().get()).as("low priority, but no node yet").isTrue();
        assertThat(compute.preemptHintProperty().get()).startsWith("No idle or running node");

        studio.pass();
        compute.refresh();
        compute.select(CPU);
        assertThat(compute.details().counts().running()).isEqualTo(1);
        assertThat(compute.preemptDisabledProperty().get()).as("dedicated, even with a running node").isTrue();
        assertThat(compute.preemptHintProperty().get())
                .isEqualTo("Dedicated nodes cannot be preempted: only low-priority clusters can be.");

        studio.submit("train-low", LOW);
        studio.pass();
        compute.refresh();
        compute.select(LOW);
        assertThat(compute.preemptDisabledProperty().get()).isFalse();
        assertThat(compute.preemptHintProperty().get()).startsWith("Take a node back");

        compute.preempt();

        assertThat(compute.feedback().kind()).isEqualTo(Feedback.Kind.INFO);
        assertThat(compute.feedbackText()).contains("was preempted").contains("job train-low goes back to the queue");
        assertThat(compute.details().nodes()).extracting(NodeRow::state).containsExactly(NodeState.PREEMPTED);
        assertThat(compute.details().counts().preempted()).isEqualTo(1);
        assertThat(compute.preemptDisabledProperty().get()).as("no idle or running node left").isTrue();
    }

    @Test
    void addingASystemAssignedIdentityShowsItInTheDetails() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        compute.refresh();
        compute.select(CPU);
        IdentityForm form = compute.editIdentity();
        assertThat(form.typeProperty().get()).isEqualTo(IdentityType.NONE);
        assertThat(form.idsDisabledProperty().get()).isTrue();

        form.typeProperty().set(IdentityType.SYSTEM_ASSIGNED);
        form.save();

        assertThat(form.isSaved()).isTrue();
        assertThat(studio.compute.show(WS, CPU).systemIdentity()).isNotNull();
        assertThat(compute.details().properties()).extracting(DetailItem::labelKey, DetailItem::value)
                .contains(tuple("cluster.prop.identity", "System-assigned"));
        assertThat(compute.details().properties()).extracting(DetailItem::labelKey)
                .contains("cluster.prop.identityIds");
    }

    @Test
    void userAssignedIdentitiesNeedValidResourceIds() {
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
        compute.refresh();
        compute.select(CPU);
        IdentityForm form = compute.editIdentity();

        form.typeProperty().set(IdentityType.USER_ASSIGNED);
        assertThat(form.idsDisabledProperty().get()).isFalse();
        assertThat(form.idsErrorProperty().get()).isEqualTo("Give at least one user-assigned identity resource id.");
        assertThat(form.saveDisabledProperty().get()).isTrue();

        form.idsProperty().set(identity + "\nnot-an-id");
        assertThat(form.idsErrorProperty().get()).startsWith("Line 2 is not a user-assigned identity resource id");

        form.idsProperty().set(identity + "\n");
        form.save();

        assertThat(form.isSaved()).isTrue();
        assertThat(studio.compute.show(WS, CPU).spec().identity().userAssignedIdentityIds()).containsExactly(identity);
        assertThat(compute.feedbackText()).isEqualTo("Managed identity of “cpu-cluster” saved.");
    }

    @Test
    void newClusterOpensTheWizardForTheWorkspaceAndTheLinkOpensTheTimeline() {
        compute.newCluster();
        compute.openTimeline();

        assertThat(wizardOpenedFor).containsExactly(WS);
        assertThat(timelineOpened).isEqualTo(1);
    }
}
