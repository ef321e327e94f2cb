package dev.computestudio.ui.quota;

import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

class QuotaViewModelTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private QuotaViewModel viewModel;

    @BeforeEach
    void open() {
        studio = new StudioFixture(dataFolder);
        viewModel = new QuotaViewModel(studio.quota, workspace, UiThreads.direct(), new Messages(language));
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private QuotaRow row(String key) {
        return viewModel.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void showsRegionalTotalsAndEveryFamilyWithWhatTheNodesUse() {
        studio.createCluster("cpu", dedicated(DS3, 2, 4));
        studio.pass();

        viewModel.refresh();

        assertThat(viewModel.rows()).extracting(row -> viewModel.name(row).get()).startsWith("Clusters",
                "Total Cluster Dedicated Regional vCPUs", "Total Cluster LowPriority Regional vCPUs");
        QuotaRow family = row("standardDSv2Family");
        assertThat(viewModel.name(family).get()).as("as the cloud names it")
                .isEqualTo(QuotaKeys.usageName("standardDSv2Family"));
        assertThat(viewModel.usage(family).get()).isEqualTo("8 / 24 vCPUs");
        assertThat(viewModel.usage(row("standardNCFamily")).get()).as("none granted, not full")
                .isEqualTo("0 / 0 vCPUs  (no quota)");
        assertThat(row("standardNCFamily").exhausted()).isFalse();
        assertThat(family.used()).isEqualTo(8);
        assertThat(family.limit()).isEqualTo(24);
        assertThat(family.fraction()).isEqualTo(8 / 24.0);
        assertThat(family.regional()).isFalse();
        assertThat(row("clusters").regional()).isTrue();
        assertThat(row("standardNCFamily").limit()).isZero();
    }

    @Test
    void raisingALimitStandsForASupportRequestAndShowsTheChange() {
        viewModel.refresh();
        viewModel.selectedProperty().set(row("standardNCFamily"));
        assertThat(viewModel.newLimitProperty().get()).isEqualTo("0");
        assertThat(viewModel.requestDisabledProperty().get()).as("same limit").isTrue();

        viewModel.newLimitProperty().set("12");
        assertThat(viewModel.requestDisabledProperty().get()).isFalse();
        viewModel.requestLimit();

        assertThat(row("standardNCFamily").limit()).isEqualTo(12);
        assertThat(studio.quota.ledger(WS).limit("standardNCFamily")).isEqualTo(12);
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Standard NC Family Cluster Dedicated vCPUs: 0 -> 12");
        assertThat(viewModel.selectedProperty().get().limit()).as("selection follows the refresh").isEqualTo(12);
    }

    @Test
    void quotaNamesUnitsAndTheLastChangeFollowTheLanguageToPortugueseAndBack() {
        viewModel.refresh();
        viewModel.selectedProperty().set(row("standardNCFamily"));
        viewModel.newLimitProperty().set("12");
        viewModel.requestLimit();
        StringBinding family = viewModel.name(row("standardNCFamily"));
        StringBinding total = viewModel.name(row("totalDedicatedVCpus"));
        StringBinding clusters = viewModel.usage(row("clusters"));

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(family.get()).isEqualTo("vCPUs dedicadas de cluster da família Standard NC");
        assertThat(total.get()).isEqualTo("Total de vCPUs dedicadas regionais de cluster");
        assertThat(clusters.get()).isEqualTo("0 / 200 unidades");
        assertThat(viewModel.messageProperty().get()).isEqualTo("vCPUs dedicadas de cluster da família Standard NC: 0 -> 12");
        assertThat(viewModel.requestLabelProperty().get())
                .isEqualTo("Novo limite para vCPUs dedicadas de cluster da família Standard NC");

        language.set(Locale.ENGLISH);

        assertThat(family.get()).isEqualTo("Standard NC Family Cluster Dedicated vCPUs");
        assertThat(total.get()).isEqualTo("Total Cluster Dedicated Regional vCPUs");
        assertThat(clusters.get()).isEqualTo("0 / 200 Count");
        assertThat(viewModel.messageProperty().get()).isEqualTo("Standard NC Family Cluster Dedicated vCPUs: 0 -> 12");
    }

    @Test
    void aLimitReachedIsFullAndAFamilyWithoutQuotaSaysSoInEitherLanguage() {
        studio.createCluster("cpu", dedicated(DS3, 2, 4));
        studio.pass();
        viewModel.refresh();
        viewModel.selectedProperty().set(row("standardDSv2Family"));
        viewModel.newLimitProperty().set("8");
        viewModel.requestLimit();
        StringBinding reached = viewModel.usage(row("standardDSv2Family"));
        StringBinding none = viewModel.usage(row("standardNCFamily"));

        assertThat(reached.get()).isEqualTo("8 / 8 vCPUs  (full)");
        assertThat(row("standardDSv2Family").exhausted()).isTrue();
        assertThat(none.get()).isEqualTo("0 / 0 vCPUs  (no quota)");

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(reached.get()).isEqualTo("8 / 8 vCPUs  (esgotada)");
        assertThat(none.get()).isEqualTo("0 / 0 vCPUs  (sem cota)");
    }

    @Test
    void aLimitThatIsNotAWholeNumberFromZeroCannotBeRequested() {
        viewModel.refresh();
        viewModel.selectedProperty().set(row("standardNCFamily"));

        for (String bad : new String[] {"-1", "twelve", "1.5", "", "99999999999"}) {
            viewModel.newLimitProperty().set(bad);
            assertThat(viewModel.requestDisabledProperty().get()).as(bad).isTrue();
        }
    }

    @Test
    void refreshFollowsTheSelectedWorkspaceAndEmptiesWithoutOne() {
        viewModel.refresh();
        assertThat(viewModel.rows()).isNotEmpty();

        workspace.set(null);

        assertThat(viewModel.rows()).isEmpty();
    }
}
