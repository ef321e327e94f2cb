package dev.computestudio.ui.quota;

import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

class QuotaViewModelTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private QuotaViewModel viewModel;

    @BeforeEach
    void open() {
        studio = new StudioFixture(dataFolder);
        viewModel = new QuotaViewModel(studio.quota, workspace, UiThreads.direct());
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

        assertThat(viewModel.rows()).extracting(QuotaRow::name).startsWith("Clusters",
                "Total Cluster Dedicated Regional vCPUs", "Total Cluster LowPriority Regional vCPUs");
        QuotaRow family = row("standardDSv2Family");
        assertThat(family.name()).isEqualTo("Standard DSv2 Family Cluster Dedicated vCPUs");
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
