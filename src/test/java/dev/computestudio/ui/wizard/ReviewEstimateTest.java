package dev.computestudio.ui.wizard;

import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.QuotaLedger;
import dev.computestudio.domain.VmCatalog;
import dev.computestudio.domain.VmTier;
import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Subscriptions;
import dev.computestudio.ui.wizard.ReviewEstimate.ReviewItem;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The review step on its own, over the other steps' forms, with no toolkit and no storage. */
class ReviewEstimateTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");
    private static final VmCatalog CATALOG = VmCatalog.standard();
    private static final Message SHORTFALL = Message.of("warning.compute.min-beyond-quota", 3, 2);

    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final WizardTexts texts = new WizardTexts(new Messages(language), new Subscriptions());
    private final SizeChoice sizes = new SizeChoice(texts);
    private final SettingsForm settings = new SettingsForm();
    private final IdentityStep identity = new IdentityStep();
    private final ReviewEstimate review = new ReviewEstimate(sizes, settings, identity, texts);

    @BeforeEach
    void chooseASize() {
        sizes.show(new Workspace("ws-demo", "eastus", "00000000-0000-0000-0000-000000000000", "rg-ws-demo",
                Instant.parse("2026-03-02T09:00:00Z")), CATALOG.sizes(), new QuotaLedger(CATALOG, Map.of(), List.of(), Map.of()));
        sizes.selectSize("Standard_DS3_v2");
        settings.nameProperty().set("cpu-cluster");
        settings.minNodesProperty().set("1");
    }

    @Test
    void costIsThePriceOfTheTierTimesTheNodesWithOnePrecisionInEveryLanguage() {
        assertThat(review.costAtMinTextProperty().get()).isEqualTo("At min nodes (1): $0.229/hour");
        assertThat(review.costAtMaxTextProperty().get()).isEqualTo("At max nodes (4): $0.916/hour");

        sizes.tierProperty().set(VmTier.LOW_PRIORITY);
        settings.maxNodesProperty().set("many");
        language.set(PORTUGUESE);

        assertThat(review.costAtMinTextProperty().get()).isEqualTo("Com o mínimo de nós (1): US$ 0,046/hora");
        assertThat(review.costAtMaxTextProperty().get()).isEqualTo("Com o máximo de nós (?): US$ 0,000/hora");
        assertThat(review.costAtMaxProperty().get()).isZero();
    }

    @Test
    void everyChoiceIsListedUnderItsStepInTheUsersLanguage() {
        identity.identityTypeProperty().set(IdentityType.USER_ASSIGNED);
        identity.userAssignedIdsProperty().set("/subscriptions/x/identities/trainer-id\n");
        language.set(PORTUGUESE);

        assertThat(review.reviewItems()).extracting(ReviewItem::step, ReviewItem::label, ReviewItem::value).containsExactly(
                tuple(Step.VIRTUAL_MACHINE, "Local", "eastus"),
                tuple(Step.VIRTUAL_MACHINE, "Camada da máquina virtual", "Dedicada"),
                tuple(Step.VIRTUAL_MACHINE, "Tamanho da máquina virtual",
                        "Standard_DS3_v2: 4 vCPUs, 14 GiB, GPUs: Nenhuma (Standard DSv2 Family)"),
                tuple(Step.SETTINGS, "Nome da computação", "cpu-cluster"),
                tuple(Step.SETTINGS, "Número mínimo de nós", "1"),
                tuple(Step.SETTINGS, "Número máximo de nós", "4"),
                tuple(Step.SETTINGS, "Segundos ociosos antes de reduzir", "120 segundos"),
                tuple(Step.SETTINGS, "Acesso SSH", "Desligado"),
                tuple(Step.IDENTITY, "Identidade gerenciada",
                        "Atribuída pelo usuário\ntrainer-id"));
    }

    @Test
    void theQuotaShortfallTheServiceFoundShowsInTheUsersLanguage() {
        review.showQuotaShortfall(List.of(SHORTFALL));
        assertThat(review.quotaWarnings())
                .containsExactly("Even the minimum of 3 nodes cannot be reached: the cluster would stay at 2.");

        language.set(PORTUGUESE);
        assertThat(review.quotaWarnings())
                .containsExactly("Nem o mínimo de 3 nós pode ser alcançado: o cluster ficaria em 2.");

        review.showQuotaShortfall(List.of());
        assertThat(review.quotaWarnings()).isEmpty();
    }
}
