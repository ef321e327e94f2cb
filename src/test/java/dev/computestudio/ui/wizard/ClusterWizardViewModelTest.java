package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.VmSize;
import dev.computestudio.domain.VmTier;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.ui.wizard.CreationTracker.Phase;
import dev.computestudio.ui.wizard.CreationTracker.Polling;
import dev.computestudio.ui.wizard.ReviewEstimate.ReviewItem;
import dev.computestudio.ui.wizard.SettingsForm.Credential;
import dev.computestudio.ui.wizard.SizeChoice.MachineKind;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.NC6;
import static dev.computestudio.testing.StudioFixture.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The wizard's view-model over the real services and an in-memory H2 database, with no toolkit. */
class ClusterWizardViewModelTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    private static final String IDENTITY_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/"
            + "rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/trainer-id";

    @TempDir
    Path dataFolder;

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    /** The app's texts, which outlive every wizard. */
    private final Messages messages = new Messages(language);
    private StudioFixture studio;
    /** Probes the wizard scheduled "one interval later"; the test runs them when it wants. */
    private final Queue<Runnable> laterProbes = new ArrayDeque<>();
    private ClusterWizardViewModel wizard;

    @BeforeEach
    void openWizard() {
        studio = new StudioFixture(dataFolder);
        wizard = newWizard();
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private ClusterWizardViewModel newWizard() {
        ClusterWizardViewModel viewModel = new ClusterWizardViewModel(WS, studio.workspaces, studio.compute, studio.quota,
                studio.identities, UiThreads.direct(), messages,
                new Polling(laterProbes::add, studio.clock, Duration.ofSeconds(60)));
        viewModel.load();
        return viewModel;
    }

    // Step 1: virtual machine

    @Test
    void virtualMachineStepStartsWithTheCloudsDefaultSizeAndNeedsOneBeforeNext() {
        assertThat(wizard.step()).isEqualTo(Step.VIRTUAL_MACHINE);
        assertThat(wizard.sizeChoice().locationProperty().get()).as("the workspace's region").isEqualTo("eastus");
        assertThat(wizard.sizeChoice().selectedSizeProperty().get().name()).as("recommended").isEqualTo(DS3);
        assertThat(wizard.nextDisabledProperty().get()).isFalse();

        wizard.sizeChoice().machineKindProperty().set(MachineKind.GPU);

        assertThat(wizard.sizeChoice().selectedSizeProperty().get()).as("GPU families start with no quota").isNull();
        assertThat(wizard.nextDisabledProperty().get()).isTrue();
        assertThat(wizard.backDisabledProperty().get()).isTrue();
        assertThat(wizard.createDisabledProperty().get()).isTrue();
        assertThat(wizard.sizeChoice().selectedSizeSummaryProperty().get()).startsWith("No GPU size is chosen");

        wizard.next();
        assertThat(wizard.step()).as("Next is refused while disabled").isEqualTo(Step.VIRTUAL_MACHINE);

        wizard.sizeChoice().machineKindProperty().set(MachineKind.CPU);
        assertThat(wizard.sizeChoice().selectSize(DS3)).isTrue();

        assertThat(wizard.nextDisabledProperty().get()).isFalse();
        assertThat(wizard.sizeChoice().selectedSizeSummaryProperty().get())
                .isEqualTo("Standard_DS3_v2: 4 vCPUs, 14 GiB, GPUs: None; about $0.229 per node per hour (Dedicated).");
        wizard.next();
        assertThat(wizard.step()).isEqualTo(Step.SETTINGS);
        assertThat(wizard.backDisabledProperty().get()).isFalse();
    }

    @Test
    void sizeTableListsCpuOrGpuSizesFilteredByText() {
        assertThat(names(wizard.sizeChoice().sizes())).contains("Standard_D1_v2", DS3, "Standard_F16s_v2").doesNotContain(NC6);

        wizard.sizeChoice().machineKindProperty().set(MachineKind.GPU);
        assertThat(wizard.sizeChoice().sizes()).allMatch(row -> row.gpus() > 0);
        assertThat(names(wizard.sizeChoice().sizes())).contains(NC6, "Standard_ND96asr_v4");

        wizard.sizeChoice().sizeFilterProperty().set("a100");
        assertThat(names(wizard.sizeChoice().sizes())).containsExactly("Standard_NC24ads_A100_v4", "Standard_ND96asr_v4");

        wizard.sizeChoice().sizeFilterProperty().set("nc24");
        assertThat(names(wizard.sizeChoice().sizes())).containsExactly("Standard_NC24", "Standard_NC24s_v3",
                "Standard_NC24ads_A100_v4");
    }

    @Test
    void availableQuotaColumnIsTheFamilysRestWhenDedicatedAndTheLowPriorityPoolOtherwise() {
        studio.createCluster("busy", StudioFixture.dedicated(DS3, 2, 2));
        studio.createCluster("cheap", StudioFixture.lowPriority("Standard_D2_v2", 3, 3));
        studio.pass();
        wizard = newWizard();

        assertThat(row(DS3).availableVCpus()).as("24 of standardDSv2Family minus 2 nodes x 4").isEqualTo(16);
        assertThat(row("Standard_DS1_v2").availableVCpus()).as("same family").isEqualTo(16);
        assertThat(row("Standard_D2_v2").availableVCpus()).as("another family, untouched").isEqualTo(24);
        assertThat(row(DS3).pricePerHour()).isEqualTo(0.229);
        assertThat(row(NC6).availableVCpus()).as("GPU families start at 0").isZero();
        assertThat(row(NC6).hasNoQuota()).isTrue();
        assertThat(row(DS3).hasNoQuota()).isFalse();

        wizard.sizeChoice().tierProperty().set(VmTier.LOW_PRIORITY);

        assertThat(row(DS3).availableVCpus()).as("100 low-priority vCPUs minus 3 nodes x 2").isEqualTo(94);
        assertThat(row(NC6).availableVCpus()).isEqualTo(94);
        assertThat(row(NC6).hasNoQuota()).isFalse();
        assertThat(row(DS3).pricePerHour()).isEqualTo(0.046);
    }

    @Test
    void lowPriorityHintSaysHowMuchCheaperTheChosenSizeIs() {
        wizard.sizeChoice().selectSize(DS3);
        assertThat(wizard.sizeChoice().lowPrioritySavingPercentProperty().get()).isEqualTo(80);
    }

    // Step 2: settings

    @Test
    void nameIsCheckedAsItIsTypedAndNextWaitsForAValidOne() {
        toSettings();
        assertThat(wizard.errorProperty(Field.NAME).get()).as("no message before typing").isNull();
        assertThat(wizard.nextDisabledProperty().get()).as("but a name is required").isTrue();

        wizard.settings().nameProperty().set("cpu-cluster-1");
        assertThat(wizard.errorProperty(Field.NAME).get()).isEqualTo("must not end with '-' followed by digits");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();

        wizard.settings().nameProperty().set("1x");
        assertThat(wizard.errorProperty(Field.NAME).get())
                .contains("must be 3 to 24 characters long (it has 2)").contains("must start with a letter");

        wizard.settings().nameProperty().set("cpu-cluster");
        assertThat(wizard.errorProperty(Field.NAME).get()).isNull();
        assertThat(wizard.nextDisabledProperty().get()).isFalse();
    }

    @Test
    void nameAlreadyTakenInTheWorkspaceIsRefusedAsTyped() {
        studio.createCluster("gpu-cluster", StudioFixture.dedicated(DS3, 0, 1));
        wizard = newWizard();
        toSettings();

        wizard.settings().nameProperty().set("GPU-cluster");

        assertThat(wizard.errorProperty(Field.NAME).get())
                .isEqualTo("workspace 'ws-demo' already has compute named 'GPU-cluster'");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();
    }

    @Test
    void scaleSettingsDefaultToZeroFourAndTwoMinutesAndAreChecked() {
        toSettings();
        assertThat(wizard.settings().minNodesProperty().get()).isEqualTo("0");
        assertThat(wizard.settings().maxNodesProperty().get()).isEqualTo("4");
        assertThat(wizard.settings().idleSecondsProperty().get()).isEqualTo("120");
        assertThat(wizard.settings().sshEnabledProperty().get()).isFalse();
        wizard.settings().nameProperty().set("cpu-cluster");

        wizard.settings().minNodesProperty().set("5");
        wizard.settings().maxNodesProperty().set("2");
        assertThat(wizard.errorProperty(Field.MAX_NODES).get()).isEqualTo("must not be below min_instances (2 < 5)");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();

        wizard.settings().maxNodesProperty().set("0");
        assertThat(wizard.errorProperty(Field.MAX_NODES).get()).isEqualTo("must be 1 or more (it is 0)");

        wizard.settings().maxNodesProperty().set("101");
        wizard.settings().minNodesProperty().set("0");
        assertThat(wizard.errorProperty(Field.MAX_NODES).get())
                .isEqualTo("must be at most 100, the nodes-per-cluster quota");

        wizard.settings().maxNodesProperty().set("6");
        wizard.settings().minNodesProperty().set("-1");
        assertThat(wizard.errorProperty(Field.MIN_NODES).get()).isEqualTo("must be 0 or more (it is -1)");
        wizard.settings().minNodesProperty().set("two");
        assertThat(wizard.errorProperty(Field.MIN_NODES).get()).isEqualTo("must be a whole number");
        wizard.settings().idleSecondsProperty().set("");
        assertThat(wizard.errorProperty(Field.IDLE_SECONDS).get()).isEqualTo("must be a whole number");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();

        wizard.settings().minNodesProperty().set("1");
        wizard.settings().idleSecondsProperty().set("300");
        assertThat(wizard.errorProperty(Field.MIN_NODES).get()).isNull();
        assertThat(wizard.errorProperty(Field.MAX_NODES).get()).isNull();
        assertThat(wizard.nextDisabledProperty().get()).isFalse();
    }

    @Test
    void sshNeedsAUserAndAPasswordOrKeyWhenEnabled() {
        toSettings();
        wizard.settings().nameProperty().set("cpu-cluster");
        wizard.settings().sshEnabledProperty().set(true);
        assertThat(wizard.nextDisabledProperty().get()).isTrue();
        assertThat(wizard.invalidFields()).contains(Field.ADMIN_USERNAME, Field.ADMIN_PASSWORD);

        wizard.settings().adminUsernameProperty().set("Admin");
        wizard.settings().adminPasswordProperty().set("short");
        assertThat(wizard.errorProperty(Field.ADMIN_USERNAME).get()).startsWith("must be 1 to 32 lower case letters");
        assertThat(wizard.errorProperty(Field.ADMIN_PASSWORD).get()).isEqualTo("must be 12 to 123 characters long");

        wizard.settings().adminUsernameProperty().set("azureuser");
        wizard.settings().adminPasswordProperty().set("correct-horse-battery");
        assertThat(wizard.nextDisabledProperty().get()).isFalse();

        wizard.settings().credentialProperty().set(Credential.SSH_KEY);
        assertThat(wizard.nextDisabledProperty().get()).as("the key is now the credential, and it is empty").isTrue();
        wizard.settings().sshKeyProperty().set("not a key");
        assertThat(wizard.errorProperty(Field.SSH_KEY).get()).startsWith("must be an OpenSSH public key line");
        wizard.settings().sshKeyProperty().set("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 trainer@laptop");
        assertThat(wizard.nextDisabledProperty().get()).isFalse();

        wizard.settings().sshEnabledProperty().set(false);
        wizard.settings().adminUsernameProperty().set("");
        assertThat(wizard.nextDisabledProperty().get()).as("SSH off: nothing of it is checked").isFalse();
    }

    // Step 3: identity

    @Test
    void userAssignedIdentityNeedsValidResourceIdsOnePerLine() {
        studio.createIdentity("trainer-id");
        toIdentity();
        assertThat(wizard.nextDisabledProperty().get()).as("none is fine").isFalse();

        wizard.identity().identityTypeProperty().set(IdentityType.USER_ASSIGNED);
        assertThat(wizard.nextDisabledProperty().get()).isTrue();

        wizard.identity().userAssignedIdsProperty().set(IDENTITY_ID + "\nmy-identity");
        assertThat(wizard.errorProperty(Field.USER_ASSIGNED_IDS).get())
                .startsWith("'my-identity' is not a user-assigned identity resource id");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();

        wizard.identity().userAssignedIdsProperty().set(IDENTITY_ID + "\n" + IDENTITY_ID);
        assertThat(wizard.errorProperty(Field.USER_ASSIGNED_IDS).get()).isEqualTo("lists the same identity twice");

        wizard.identity().userAssignedIdsProperty().set(IDENTITY_ID.replace("trainer-id", "other-id"));
        assertThat(wizard.errorProperty(Field.USER_ASSIGNED_IDS).get()).as("the service's check: not of this workspace")
                .startsWith("'" + IDENTITY_ID.replace("trainer-id", "other-id") + "' is not a user-assigned identity "
                        + "of workspace 'ws-demo'");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();

        wizard.identity().userAssignedIdsProperty().set("  " + IDENTITY_ID + "  \n\n");
        assertThat(wizard.errorProperty(Field.USER_ASSIGNED_IDS).get()).isNull();
        assertThat(wizard.nextDisabledProperty().get()).isFalse();
        assertThat(wizard.identity().exampleIdentityIdProperty().get()).startsWith("/subscriptions/")
                .endsWith("/resourceGroups/rg-ws-demo/providers/Microsoft.ManagedIdentity/userAssignedIdentities/my-identity");

        wizard.identity().identityTypeProperty().set(IdentityType.SYSTEM_ASSIGNED);
        assertThat(wizard.nextDisabledProperty().get()).isFalse();
    }

    @Test
    void backKeepsEverythingEntered() {
        wizard.sizeChoice().tierProperty().set(VmTier.LOW_PRIORITY);
        wizard.sizeChoice().selectSize("standard_f4s_v2");
        wizard.next();
        wizard.settings().nameProperty().set("fast-cpu");
        wizard.settings().maxNodesProperty().set("8");
        wizard.next();
        wizard.identity().identityTypeProperty().set(IdentityType.SYSTEM_ASSIGNED);
        wizard.next();
        assertThat(wizard.step()).isEqualTo(Step.REVIEW);

        wizard.back();
        wizard.back();
        wizard.back();

        assertThat(wizard.step()).isEqualTo(Step.VIRTUAL_MACHINE);
        assertThat(wizard.backDisabledProperty().get()).isTrue();
        assertThat(wizard.sizeChoice().tierProperty().get()).isEqualTo(VmTier.LOW_PRIORITY);
        assertThat(wizard.sizeChoice().selectedSizeProperty().get().name()).isEqualTo("Standard_F4s_v2");
        wizard.next();
        assertThat(wizard.settings().nameProperty().get()).isEqualTo("fast-cpu");
        assertThat(wizard.settings().maxNodesProperty().get()).isEqualTo("8");
        wizard.next();
        assertThat(wizard.identity().identityTypeProperty().get()).isEqualTo(IdentityType.SYSTEM_ASSIGNED);
    }

    // Step 4: review

    @Test
    void reviewListsEveryChoice() {
        toReview("cpu-cluster", 1, 3);

        assertThat(wizard.review().reviewItems()).extracting(ReviewItem::label, ReviewItem::value).contains(
                org.assertj.core.groups.Tuple.tuple("Location", "eastus"),
                org.assertj.core.groups.Tuple.tuple("Virtual machine tier", "Dedicated"),
                org.assertj.core.groups.Tuple.tuple("Virtual machine size",
                        "Standard_DS3_v2: 4 vCPUs, 14 GiB, GPUs: None (Standard DSv2 Family)"),
                org.assertj.core.groups.Tuple.tuple("Compute name", "cpu-cluster"),
                org.assertj.core.groups.Tuple.tuple("Minimum number of nodes", "1"),
                org.assertj.core.groups.Tuple.tuple("Maximum number of nodes", "3"),
                org.assertj.core.groups.Tuple.tuple("Idle seconds before scale down", "120 seconds"),
                org.assertj.core.groups.Tuple.tuple("SSH access", "Off"),
                org.assertj.core.groups.Tuple.tuple("Managed identity", "None"));
        assertThat(wizard.createDisabledProperty().get()).isFalse();
        assertThat(wizard.nextDisabledProperty().get()).isTrue();
    }

    @Test
    void costIsPriceTimesNodesAtMinAndMaxForTheChosenTier() {
        VmSize ds3 = studio.catalog.find(DS3).orElseThrow();
        toReview("cpu-cluster", 1, 4);

        assertThat(wizard.review().costAtMinProperty().get()).isCloseTo(ds3.dedicatedPricePerHour(), within(1e-9));
        assertThat(wizard.review().costAtMaxProperty().get()).isCloseTo(4 * ds3.dedicatedPricePerHour(), within(1e-9));
        assertThat(wizard.review().costAtMinTextProperty().get()).isEqualTo("At min nodes (1): $0.229/hour");
        assertThat(wizard.review().costAtMaxTextProperty().get()).isEqualTo("At max nodes (4): $0.916/hour");

        wizard.sizeChoice().tierProperty().set(VmTier.LOW_PRIORITY);

        assertThat(wizard.review().costAtMinProperty().get()).isCloseTo(ds3.lowPriorityPricePerHour(), within(1e-9));
        assertThat(wizard.review().costAtMaxProperty().get()).isCloseTo(4 * ds3.lowPriorityPricePerHour(), within(1e-9));
        assertThat(wizard.review().costAtMaxTextProperty().get()).isEqualTo("At max nodes (4): $0.184/hour");

        wizard.settings().minNodesProperty().set("0");
        assertThat(wizard.review().costAtMinTextProperty().get()).isEqualTo("At min nodes (0): $0.000/hour");
    }

    @Test
    void gpuSizeWithNoQuotaWarnsHowManyNodesCouldRun() {
        wizard.sizeChoice().machineKindProperty().set(MachineKind.GPU);
        wizard.sizeChoice().selectSize(NC6);
        wizard.next();
        wizard.settings().nameProperty().set("gpu-cluster");
        wizard.settings().maxNodesProperty().set("2");
        wizard.next();
        wizard.next();

        assertThat(wizard.review().quotaWarnings()).hasSize(2);
        assertThat(wizard.review().quotaWarnings().get(0)).isEqualTo("Max nodes 2 × 6 vCPUs needs 12 vCPUs, but only 0 are "
                + "available in 'Standard NC Family Cluster Dedicated vCPUs': only 0 of the 2 nodes could actually run.");
        assertThat(wizard.review().quotaWarnings().get(1))
                .endsWith("quota set -w ws-demo --key standardNCFamily --limit 12");
        assertThat(wizard.createDisabledProperty().get()).as("still allowed, as in the cloud").isFalse();

        wizard.sizeChoice().tierProperty().set(VmTier.LOW_PRIORITY);
        assertThat(wizard.review().quotaWarnings()).as("the low-priority pool has 100 vCPUs").isEmpty();
    }

    @Test
    void quotaWarningCountsTheNodesThatFitInTheFamilysRest() {
        toReview("big-cluster", 1, 8);

        assertThat(wizard.review().quotaWarnings().get(0)).endsWith("only 6 of the 8 nodes could actually run.");
        assertThat(wizard.review().quotaWarnings()).hasSize(2);
    }

    // Creating

    @Test
    void createWithMinZeroCreatesTheClusterAtOnce() {
        List<String> heard = new ArrayList<>();
        wizard.creation().createdClusterProperty().addListener((o, old, now) -> heard.add(now.name()));
        toReview("cpu-cluster", 0, 4);

        wizard.create();

        assertThat(studio.compute.list(WS)).extracting(ComputeCluster::name).containsExactly("cpu-cluster");
        ComputeCluster created = studio.compute.show(WS, "cpu-cluster");
        assertThat(created.spec().size()).isEqualTo(DS3);
        assertThat(created.spec().maxNodes()).isEqualTo(4);
        assertThat(created.spec().location()).isEqualTo("eastus");
        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(wizard.creation().statusTextProperty().get()).startsWith("Cluster 'cpu-cluster' was created.");
        assertThat(wizard.createDisabledProperty().get()).isTrue();
        assertThat(wizard.backDisabledProperty().get()).isTrue();
        assertThat(heard).containsExactly("cpu-cluster");
        assertThat(laterProbes).as("nothing to wait for").isEmpty();
    }

    @Test
    void createKeepsEveryChoiceInTheStoredSpec() {
        wizard.sizeChoice().tierProperty().set(VmTier.LOW_PRIORITY);
        wizard.sizeChoice().locationProperty().set("westeurope");
        wizard.sizeChoice().selectSize(DS3);
        wizard.next();
        wizard.settings().nameProperty().set("lp-cluster");
        wizard.settings().idleSecondsProperty().set("600");
        wizard.settings().sshEnabledProperty().set(true);
        wizard.settings().adminUsernameProperty().set("azureuser");
        wizard.settings().credentialProperty().set(Credential.SSH_KEY);
        wizard.settings().sshKeyProperty().set("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB7 trainer@laptop");
        wizard.next();
        wizard.identity().identityTypeProperty().set(IdentityType.USER_ASSIGNED);
        wizard.identity().userAssignedIdsProperty().set(studio.createIdentity("trainer-id"));
        wizard.next();

        wizard.create();

        ComputeCluster created = studio.compute.show(WS, "lp-cluster");
        assertThat(created.spec().tier()).isEqualTo(VmTier.LOW_PRIORITY);
        assertThat(created.spec().location()).isEqualTo("westeurope");
        assertThat(created.spec().idleTimeBeforeScaleDown()).isEqualTo(Duration.ofSeconds(600));
        assertThat(created.spec().ssh().adminUsername()).isEqualTo("azureuser");
        assertThat(created.spec().ssh().sshKeyValue()).startsWith("ssh-ed25519 ");
        assertThat(created.spec().ssh().adminPassword()).isNull();
        assertThat(created.spec().identity().userAssignedIdentityIds())
                .containsExactly(studio.stores.identities().find(StudioFixture.WS, "trainer-id").orElseThrow().resourceId());
    }

    @Test
    void createShowsTheServicesWarnings() {
        wizard.sizeChoice().machineKindProperty().set(MachineKind.GPU);
        wizard.sizeChoice().selectSize(NC6);
        wizard.next();
        wizard.settings().nameProperty().set("gpu-cluster");
        wizard.next();
        wizard.next();

        wizard.create();

        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(wizard.creation().serviceWarnings()).isNotEmpty()
                .allSatisfy(warning -> assertThat(warning).contains("can never grow beyond 0 node(s)"));
    }

    @Test
    void createMapsANameTakenMeanwhileBackToTheNameField() {
        toReview("cpu-cluster", 0, 4);
        studio.createCluster("cpu-cluster", StudioFixture.dedicated("Standard_D2_v2", 0, 1));

        wizard.create();

        assertThat(wizard.step()).isEqualTo(Step.SETTINGS);
        assertThat(wizard.errorProperty(Field.NAME).get())
                .isEqualTo("workspace 'ws-demo' already has compute named 'cpu-cluster'");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();
        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.EDITING);
        assertThat(wizard.errorTextProperty().get()).isEmpty();
        assertThat(studio.compute.show(WS, "cpu-cluster").spec().size()).as("the other one is untouched")
                .isEqualTo("Standard_D2_v2");

        wizard.settings().nameProperty().set("cpu-cluster-2");
        assertThat(wizard.errorProperty(Field.NAME).get()).isEqualTo("must not end with '-' followed by digits");
        wizard.settings().nameProperty().set("cpu-cluster-b");
        assertThat(wizard.errorProperty(Field.NAME).get()).isNull();
        wizard.next();
        wizard.next();
        wizard.create();

        assertThat(studio.compute.list(WS)).extracting(ComputeCluster::name)
                .containsExactlyInAnyOrder("cpu-cluster", "cpu-cluster-b");
    }

    @Test
    void createShowsALockThatNoFieldExplainsOnTheReviewPage() {
        toReview("cpu-cluster", 0, 4);
        studio.locks.create(WS, "freeze", LockLevel.READ_ONLY, null);

        wizard.create();

        assertThat(wizard.step()).isEqualTo(Step.REVIEW);
        assertThat(wizard.errorTextProperty().get()).contains("ReadOnly").contains("freeze");
        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.EDITING);
        assertThat(wizard.createDisabledProperty().get()).as("may try again once the lock is gone").isFalse();
        assertThat(studio.compute.list(WS)).isEmpty();
    }

    @Test
    void reviewWarnsThatACanNotDeleteLockWouldLeaveTheClusterAtZeroNodes() {
        studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null);
        toReview("cpu-cluster", 1, 4);

        assertThat(wizard.review().lockWarnings()).containsExactly("Resource group 'rg-ws-demo' of workspace 'ws-demo' "
                + "has a CanNotDelete lock 'keep': the cluster can be created, but it cannot add nodes while the lock "
                + "stays, so it will be stuck at 0 nodes (resizing 0 -> 0). Remove the lock to let it scale: "
                + "compute-studio lock delete -w ws-demo --name keep");
        assertThat(wizard.review().quotaWarnings()).as("DSv2 quota holds 4 nodes").isEmpty();
        assertThat(wizard.createDisabledProperty().get()).as("a warning, not a refusal").isFalse();
        language.set(PORTUGUESE);
        assertThat(wizard.review().lockWarnings()).singleElement().asString()
                .startsWith("O grupo de recursos 'rg-ws-demo' do espaço de trabalho 'ws-demo' tem um bloqueio CanNotDelete 'keep'");
        language.set(Locale.ENGLISH);

        wizard.create();

        assertThat(wizard.creation().serviceWarnings()).singleElement().asString().contains("stuck at 0 nodes");
    }

    @Test
    void reviewHasNoLockWarningWithoutALock() {
        toReview("cpu-cluster", 0, 4);

        assertThat(wizard.review().lockWarnings()).isEmpty();
    }

    @Test
    void userAssignedIdentitiesArePickedFromTheWorkspacesOwn() {
        String trainer = studio.createIdentity("trainer-id");
        String other = studio.createIdentity("other-id");
        wizard = newWizard();
        toIdentity();
        wizard.identity().identityTypeProperty().set(IdentityType.USER_ASSIGNED);

        assertThat(wizard.identity().workspaceIdentities()).extracting(IdentityStep.Choice::name)
                .containsExactlyInAnyOrder("trainer-id", "other-id");
        assertThat(wizard.identity().workspaceIdentities()).extracting(IdentityStep.Choice::clientId)
                .allSatisfy(clientId -> assertThat(clientId).isNotBlank());
        assertThat(wizard.nextDisabledProperty().get()).as("none picked, none pasted").isTrue();

        assertThat(wizard.identity().pick("trainer-id")).isTrue();

        assertThat(wizard.nextDisabledProperty().get()).isFalse();
        assertThat(wizard.review().reviewItems()).filteredOn(item -> item.step() == Step.IDENTITY)
                .extracting(ReviewItem::value).containsExactly("User-assigned\ntrainer-id");
        wizard.identity().userAssignedIdsProperty().set(other);
        wizard.next();
        wizard.create();

        assertThat(studio.compute.show(WS, "cpu-cluster").spec().identity().userAssignedIdentityIds())
                .as("picked, then pasted").containsExactly(trainer, other);
    }

    @Test
    void pickingAnIdentityThatIsAlsoPastedIsCalledOut() {
        String trainer = studio.createIdentity("trainer-id");
        wizard = newWizard();
        toIdentity();
        wizard.identity().identityTypeProperty().set(IdentityType.USER_ASSIGNED);
        wizard.identity().userAssignedIdsProperty().set(trainer);

        wizard.identity().pick("trainer-id");

        assertThat(wizard.errorProperty(Field.USER_ASSIGNED_IDS).get()).isEqualTo("lists the same identity twice");
        assertThat(wizard.nextDisabledProperty().get()).isTrue();
    }

    @Test
    void createWaitsUntilTheEngineHasScaledToMinNodes() {
        toReview("warm-cluster", 2, 4);

        wizard.create();

        assertThat(studio.compute.list(WS)).extracting(ComputeCluster::name).containsExactly("warm-cluster");
        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.WAITING_FOR_NODES);
        assertThat(wizard.creation().workingProperty().get()).isTrue();
        assertThat(wizard.creation().statusTextProperty().get())
                .isEqualTo("Cluster 'warm-cluster' was created; waiting for its minimum nodes: 0 of 2…");

        runProbes();
        assertThat(wizard.creation().phaseProperty().get()).as("the engine has not acted yet").isEqualTo(Phase.WAITING_FOR_NODES);

        studio.pass();
        runProbes();

        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(wizard.creation().workingProperty().get()).isFalse();
        assertThat(wizard.creation().statusTextProperty().get()).isEqualTo("Cluster 'warm-cluster' is ready with 2 nodes.");
        assertThat(wizard.creation().createdClusterProperty().get().status().currentNodeCount()).isEqualTo(2);
    }

    @Test
    void createGivesUpWaitingAfterTheTimeoutWithAClearMessage() {
        toReview("warm-cluster", 1, 4);
        wizard.create();
        runProbes();

        studio.advanceSeconds(61);
        runProbes();

        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(wizard.creation().statusTextProperty().get()).isEqualTo("Cluster 'warm-cluster' was created, but after 60 "
                + "seconds it has 0 of its minimum 1 nodes; the engine keeps scaling it: follow it on the Compute screen.");
        assertThat(laterProbes).isEmpty();
    }

    @Test
    void createStopsWaitingWhenTheClusterReportsAnError() {
        wizard.sizeChoice().machineKindProperty().set(MachineKind.GPU);
        wizard.sizeChoice().selectSize(NC6);
        wizard.next();
        wizard.settings().nameProperty().set("gpu-cluster");
        wizard.settings().minNodesProperty().set("1");
        wizard.next();
        wizard.next();
        wizard.create();

        studio.pass();
        runProbes();

        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.CREATED);
        assertThat(wizard.creation().statusTextProperty().get()).contains("held at 0 of its minimum 1 nodes");
        assertThat(wizard.errorTextProperty().get()).startsWith("QuotaExceeded");
    }

    @Test
    void cancelAsksToCloseAndStopsWaiting() {
        toReview("warm-cluster", 1, 4);
        wizard.create();

        wizard.cancel();
        studio.pass();
        runProbes();

        assertThat(wizard.closeRequestedProperty().get()).isTrue();
        assertThat(wizard.creation().phaseProperty().get()).isEqualTo(Phase.WAITING_FOR_NODES);
        assertThat(studio.compute.list(WS)).as("a created cluster stays").hasSize(1);
    }

    @Test
    void enterMeansNextThenCreate() {
        wizard.sizeChoice().selectSize(DS3);
        wizard.nextOrCreate();
        wizard.settings().nameProperty().set("cpu-cluster");
        wizard.nextOrCreate();
        wizard.nextOrCreate();
        assertThat(wizard.step()).isEqualTo(Step.REVIEW);

        wizard.nextOrCreate();

        assertThat(studio.compute.list(WS)).hasSize(1);
    }

    // Language

    @Test
    void whatTheWizardSaysIsInTheUsersLanguage() {
        studio.createCluster("gpu-cluster", StudioFixture.dedicated(DS3, 0, 1));
        wizard = newWizard();
        toSettings();
        language.set(PORTUGUESE);

        wizard.settings().nameProperty().set("GPU-cluster");
        wizard.settings().minNodesProperty().set("um");
        wizard.settings().maxNodesProperty().set("101");

        assertThat(wizard.errorProperty(Field.NAME).get())
                .isEqualTo("o espaço de trabalho 'ws-demo' já tem uma computação chamada 'GPU-cluster'");
        assertThat(wizard.errorProperty(Field.MIN_NODES).get()).isEqualTo("deve ser um número inteiro");
        assertThat(wizard.errorProperty(Field.MAX_NODES).get()).isEqualTo("deve ser no máximo 100, a cota de nós por cluster");
        assertThat(wizard.sizeChoice().selectedSizeSummaryProperty().get())
                .isEqualTo("Standard_DS3_v2: 4 vCPUs, 14 GiB, GPUs: Nenhuma; cerca de US$ 0,229 por nó por hora (Dedicada).");
    }

    @Test
    void closedWizardsLetGoOfTheAppsLanguageAndAnOpenOneFollowsIt() {
        toReview("cpu-cluster", 1, 4);
        wizard.settings().minNodesProperty().set("one");
        ClusterWizardViewModel closed = wizard;
        String englishError = closed.errorProperty(Field.MIN_NODES).get();
        String englishCost = closed.review().costAtMaxTextProperty().get();
        String englishSummary = closed.sizeChoice().selectedSizeSummaryProperty().get();
        closed.close();
        ClusterWizardViewModel cancelled = newWizard();
        cancelled.sizeChoice().machineKindProperty().set(MachineKind.GPU);
        String englishNoSize = cancelled.sizeChoice().selectedSizeSummaryProperty().get();
        cancelled.cancel();
        ClusterWizardViewModel open = newWizard();
        open.sizeChoice().selectSize(DS3);

        language.set(PORTUGUESE);

        assertThat(open.sizeChoice().selectedSizeSummaryProperty().get()).startsWith("Standard_DS3_v2: 4 vCPUs, 14 GiB, "
                + "GPUs: Nenhuma; cerca de");
        assertThat(closed.errorProperty(Field.MIN_NODES).get()).isEqualTo(englishError).isEqualTo("must be a whole number");
        assertThat(closed.review().costAtMaxTextProperty().get()).isEqualTo(englishCost)
                .isEqualTo("At max nodes (4): $0.916/hour");
        assertThat(closed.sizeChoice().selectedSizeSummaryProperty().get()).isEqualTo(englishSummary);
        assertThat(cancelled.sizeChoice().selectedSizeSummaryProperty().get()).isEqualTo(englishNoSize)
                .startsWith("No GPU size is chosen");
    }

    // Helpers

    private void toSettings() {
        wizard.sizeChoice().selectSize(DS3);
        wizard.next();
        assertThat(wizard.step()).isEqualTo(Step.SETTINGS);
    }

    private void toIdentity() {
        toSettings();
        wizard.settings().nameProperty().set("cpu-cluster");
        wizard.next();
        assertThat(wizard.step()).isEqualTo(Step.IDENTITY);
    }

    private void toReview(String name, int min, int max) {
        toSettings();
        wizard.settings().nameProperty().set(name);
        wizard.settings().minNodesProperty().set(String.valueOf(min));
        wizard.settings().maxNodesProperty().set(String.valueOf(max));
        wizard.next();
        wizard.next();
        assertThat(wizard.step()).isEqualTo(Step.REVIEW);
    }

    private void runProbes() {
        List<Runnable> due = new ArrayList<>(laterProbes);
        laterProbes.clear();
        due.forEach(Runnable::run);
    }

    private SizeRow row(String name) {
        wizard.sizeChoice().machineKindProperty().set(studio.catalog.find(name).orElseThrow().isGpu() ? MachineKind.GPU : MachineKind.CPU);
        return wizard.sizeChoice().sizes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(List<SizeRow> rows) {
        return rows.stream().map(SizeRow::name).toList();
    }
}
