package dev.computestudio.ui.wizard;

import dev.computestudio.domain.Problem;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Subscriptions;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The virtual machine step on its own, over the standard catalog, with no toolkit and no storage. */
class SizeChoiceTest {

    private static final Workspace WORKSPACE = new Workspace("ws-demo", "westeurope",
            "00000000-0000-0000-0000-000000000000", "rg-ws-demo", Instant.parse("2026-03-02T09:00:00Z"));
    private static final VmCatalog CATALOG = VmCatalog.standard();

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SizeChoice choice = new SizeChoice(new WizardTexts(new Messages(language), new Subscriptions()));

    @BeforeEach
    void showTheCatalog() {
        choice.show(WORKSPACE, CATALOG.sizes(), ledger(Map.of("standardDSv2Family", 8)));
    }

    @Test
    void theWorkspacesRegionComesFirstAndStaysChosenUntilTheUserPicksAnother() {
        assertThat(choice.locations()).startsWith("westeurope").contains("eastus", "brazilsouth").doesNotHaveDuplicates();
        assertThat(choice.workspaceLocationProperty().get()).isEqualTo("westeurope");
        assertThat(choice.region()).isEqualTo("westeurope");

        choice.locationProperty().set("brazilsouth");
        choice.show(WORKSPACE, CATALOG.sizes(), ledger(Map.of()));
        assertThat(choice.region()).as("a second load keeps the user's choice").isEqualTo("brazilsouth");

        choice.locationProperty().set("  ");
        assertThat(choice.region()).as("blank: the workspace's own").isNull();
    }

    @Test
    void theCloudsDefaultCpuSizeIsChosenAtFirst() {
        assertThat(choice.machineKindProperty().get()).isEqualTo(SizeChoice.MachineKind.CPU);
        assertThat(choice.selectedSizeProperty().get().name()).isEqualTo("Standard_DS3_v2");
        assertThat(choice.problems()).isEmpty();
    }

    @Test
    void theSmallestGpuSizeWithQuotaIsChosenWhenSwitchingToGpu() {
        choice.show(WORKSPACE, CATALOG.sizes(), ledger(Map.of("standardNCFamily", 24, "standardNCSv3Family", 24)));

        choice.machineKindProperty().set(SizeChoice.MachineKind.GPU);

        assertThat(choice.selectedSizeProperty().get().name())
                .as("NC6 has 6 vCPUs; NC4as_T4_v3 (4 vCPUs) has no quota").isEqualTo("Standard_NC6");

        choice.machineKindProperty().set(SizeChoice.MachineKind.CPU);
        assertThat(choice.selectedSizeProperty().get().name()).isEqualTo("Standard_DS3_v2");
    }

    @Test
    void withNoGpuQuotaNothingIsChosenAndTheSummarySaysWhy() {
        choice.machineKindProperty().set(SizeChoice.MachineKind.GPU);

        assertThat(choice.selectedSizeProperty().get()).as("the CPU size the table no longer shows is let go").isNull();
        assertThat(choice.problems()).extracting(Problem::field, Problem::code)
                .containsExactly(tuple("size", "wizard.vm.sizeRequired"));
        assertThat(choice.selectedSizeSummaryProperty().get())
                .startsWith("No GPU size is chosen: no GPU family has quota left in this workspace");

        choice.tierProperty().set(VmTier.LOW_PRIORITY);

        assertThat(choice.selectedSizeProperty().get().name()).as("the low-priority pool holds the smallest GPU size")
                .isEqualTo("Standard_NC4as_T4_v3");
    }

    @Test
    void switchingTheTierLetsGoOfAChosenSizeTheTableNoLongerShowsAndKeepsOneItShows() {
        choice.selectSize("Standard_F4s_v2");
        choice.tierProperty().set(VmTier.LOW_PRIORITY);
        assertThat(choice.selectedSizeProperty().get().name()).as("still shown: kept").isEqualTo("Standard_F4s_v2");

        choice.sizeFilterProperty().set("DS1_");
        assertThat(choice.selectedSizeProperty().get().name()).as("filtering alone keeps the choice")
                .isEqualTo("Standard_F4s_v2");
        choice.tierProperty().set(VmTier.DEDICATED);

        assertThat(choice.selectedSizeProperty().get()).as("F4s_v2 is filtered out; DS3_v2 too").isNull();
        assertThat(choice.sizes()).extracting(SizeRow::name).containsExactly("Standard_DS1_v2");
    }

    @Test
    void aSizeIsFoundByNameInAnyCase() {
        assertThat(choice.selectSize("Standard_Imaginary_v9")).isFalse();

        assertThat(choice.selectSize("standard_nc6")).isTrue();

        assertThat(choice.selectedSizeProperty().get().name()).isEqualTo("Standard_NC6");
        assertThat(choice.sizeName()).isEqualTo("Standard_NC6");
        assertThat(choice.problems()).isEmpty();
    }

    @Test
    void eachRowShowsTheQuotaLeftForTheChosenTierAndItsPrice() {
        SizeRow ds3 = row("Standard_DS3_v2");
        assertThat(ds3.availableVCpus()).as("the family's limit, lowered to 8").isEqualTo(8);
        assertThat(ds3.hasNoQuota()).isFalse();
        assertThat(row("Standard_NC6").hasNoQuota()).as("GPU families start at 0").isTrue();

        choice.tierProperty().set(VmTier.LOW_PRIORITY);

        assertThat(ds3.availableVCpus()).as("the low-priority pool").isEqualTo(100);
        assertThat(ds3.pricePerHour()).isEqualTo(0.046);
        assertThat(row("Standard_NC6").hasNoQuota()).isFalse();
    }

    @Test
    void theChosenSizeIsSummedUpWithItsTierAndPriceInTheUsersLanguage() {
        assertThat(choice.selectedSizeSummaryProperty().get()).startsWith("Standard_DS3_v2: 4 vCPUs");
        assertThat(choice.lowPrioritySavingPercentProperty().get()).as("the default size's saving").isEqualTo(80);

        choice.machineKindProperty().set(SizeChoice.MachineKind.GPU);
        choice.selectSize("Standard_NC6");
        assertThat(choice.selectedSizeSummaryProperty().get())
                .isEqualTo("Standard_NC6: 6 vCPUs, 56 GiB, GPUs: 1 × K80 (half); about $0.900 per node per hour (Dedicated).");

        choice.tierProperty().set(VmTier.LOW_PRIORITY);
        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(choice.selectedSizeSummaryProperty().get()).isEqualTo(
                "Standard_NC6: 6 vCPUs, 56 GiB, GPUs: 1 × K80 (half); cerca de US$ 0,180 por nó por hora (Baixa prioridade).");
        assertThat(choice.gpuText(CATALOG.find("Standard_DS3_v2").orElseThrow())).isEqualTo("Nenhuma");
    }

    private SizeRow row(String name) {
        choice.machineKindProperty().set(CATALOG.find(name).orElseThrow().isGpu()
                ? SizeChoice.MachineKind.GPU : SizeChoice.MachineKind.CPU);
        return choice.sizes().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static QuotaLedger ledger(Map<String, Integer> limits) {
        return new QuotaLedger(CATALOG, limits, List.of(), Map.of());
    }
}
