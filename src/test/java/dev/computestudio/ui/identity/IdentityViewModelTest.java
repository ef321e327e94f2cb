package dev.computestudio.ui.identity;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.service.ComputeService;
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
import java.util.List;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

class IdentityViewModelTest {

    @TempDir
    Path dataFolder;
    private StudioFixture studio;
    private final SimpleStringProperty workspace = new SimpleStringProperty(WS);
    private final SimpleObjectProperty<Locale> language = new SimpleObjectProperty<>(Locale.ENGLISH);
    private final Messages messages = new Messages(language);
    private IdentityViewModel viewModel;

    @BeforeEach
    void open() {
        studio = new StudioFixture(dataFolder);
        viewModel = new IdentityViewModel(studio.identities, studio.compute, workspace, UiThreads.direct(), messages,
                studio.clock);
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private ClusterRow cluster(String name) {
        return viewModel.clusters().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    private IdentityChoice choice(String name) {
        return viewModel.choices().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTheIdentitiesWithTheClustersThatUseThemAndEachClustersIdentity() {
        UserAssignedIdentity trainer = studio.identities.create(WS, "trainer-id");
        studio.identities.create(WS, "spare-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(trainer.resourceId()))));
        studio.createCluster("gpu", dedicated(DS3, 0, 2).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        studio.createCluster("plain", dedicated(DS3, 0, 2));

        viewModel.refresh();

        assertThat(viewModel.identities()).extracting(IdentityRow::name, IdentityRow::usedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("spare-id", List.of()),
                org.assertj.core.groups.Tuple.tuple("trainer-id", List.of("cpu")));
        assertThat(viewModel.identities().get(1).clientId()).isEqualTo(trainer.clientId());
        assertThat(cluster("cpu").type()).isEqualTo(IdentityType.USER_ASSIGNED);
        assertThat(cluster("cpu").identityNames()).containsExactly("trainer-id");
        assertThat(cluster("gpu").type()).isEqualTo(IdentityType.SYSTEM_ASSIGNED);
        assertThat(cluster("gpu").systemClientId()).isEqualTo(studio.compute.show(WS, "gpu").systemIdentity().clientId());
        assertThat(cluster("plain").type()).isEqualTo(IdentityType.NONE);
        assertThat(viewModel.choices()).extracting(IdentityChoice::name).containsExactly("spare-id", "trainer-id");
        assertThat(viewModel.clusterNames()).containsExactly("cpu", "gpu", "plain");
        assertThat(viewModel.tryClusterProperty().get()).as("a cluster with an identity, ready to try").isEqualTo("cpu");
    }

    @Test
    void anIdentityOrClusterAskedForBeforeItIsListedIsSelectedWhenARefreshListsIt() {
        viewModel.revealIdentity("trainer-id");
        viewModel.revealCluster("cpu");
        assertThat(viewModel.selectedIdentityProperty().get()).isNull();

        studio.identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2));
        viewModel.refresh();

        assertThat(viewModel.selectedIdentityProperty().get().name()).isEqualTo("trainer-id");
        assertThat(viewModel.selectedClusterProperty().get().name()).isEqualTo("cpu");
    }

    @Test
    void creatingAnIdentityNeedsAValidNameAndShowsIt() {
        viewModel.refresh();
        assertThat(viewModel.createDisabledProperty().get()).as("no name").isTrue();

        viewModel.newIdentityNameProperty().set("-bad");
        assertThat(viewModel.createDisabledProperty().get()).isTrue();
        assertThat(viewModel.nameProblemProperty().get()).isEqualTo("must start with a letter or a digit");

        viewModel.newIdentityNameProperty().set("trainer-id");
        assertThat(viewModel.createDisabledProperty().get()).isFalse();
        viewModel.createIdentity();

        assertThat(viewModel.identities()).extracting(IdentityRow::name).containsExactly("trainer-id");
        assertThat(viewModel.newIdentityNameProperty().get()).isEmpty();
        assertThat(viewModel.noticeProperty().get()).isEqualTo(Notice.of("identity.created", "trainer-id"));
        assertThat(viewModel.noticeTextProperty().get()).isEqualTo("Created identity 'trainer-id'.");
        assertThat(studio.identities.list(WS)).extracting(UserAssignedIdentity::name).containsExactly("trainer-id");
    }

    @Test
    void deletingAnIdentityAClusterUsesIsRefusedNamingTheCluster() {
        UserAssignedIdentity trainer = studio.identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(trainer.resourceId()))));
        viewModel.refresh();

        viewModel.selectedIdentityProperty().set(viewModel.identities().get(0));
        viewModel.deleteSelectedIdentity();

        assertThat(viewModel.noticeProperty().get().failure()).isTrue();
        assertThat(viewModel.noticeTextProperty().get())
                .startsWith("identity 'trainer-id' is still used by compute 'cpu'");
        assertThat(viewModel.identities()).hasSize(1);
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void addingAUserAssignedIdentityToAnExistingClusterThroughTheEditor() {
        UserAssignedIdentity trainer = studio.identities.create(WS, "trainer-id");
        studio.identities.create(WS, "spare-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2));
        viewModel.refresh();

        viewModel.selectedClusterProperty().set(cluster("cpu"));
        assertThat(viewModel.editTypeProperty().get()).isEqualTo(IdentityType.NONE);
        assertThat(viewModel.applyDisabledProperty().get()).as("nothing changed").isTrue();
        assertThat(viewModel.choicesDisabledProperty().get()).isTrue();

        viewModel.editTypeProperty().set(IdentityType.USER_ASSIGNED);
        assertThat(viewModel.choicesDisabledProperty().get()).isFalse();
        assertThat(viewModel.applyDisabledProperty().get()).as("user-assigned with none ticked").isTrue();
        choice("trainer-id").chosenProperty().set(true);
        assertThat(viewModel.applyDisabledProperty().get()).isFalse();
        viewModel.applyIdentity();

        assertThat(studio.compute.show(WS, "cpu").spec().identity())
                .isEqualTo(ClusterIdentity.userAssigned(List.of(trainer.resourceId())));
        assertThat(cluster("cpu").identityNames()).containsExactly("trainer-id");
        assertThat(viewModel.selectedClusterProperty().get()).isEqualTo(cluster("cpu"));
        assertThat(viewModel.applyDisabledProperty().get()).as("saved: nothing left to apply").isTrue();
        assertThat(viewModel.identities().stream().filter(row -> row.name().equals("trainer-id")).findFirst()
                .orElseThrow().usedBy()).containsExactly("cpu");
        assertThat(viewModel.noticeProperty().get()).isEqualTo(Notice.of("identity.cluster.applied", "cpu"));

        viewModel.editTypeProperty().set(IdentityType.SYSTEM_ASSIGNED);
        viewModel.applyIdentity();
        assertThat(cluster("cpu").type()).isEqualTo(IdentityType.SYSTEM_ASSIGNED);
        assertThat(choice("trainer-id").isChosen()).as("the editor follows the stored identity").isFalse();
    }

    @Test
    void aLiveRefreshKeepsThePendingEditButFollowsAChangeMadeElsewhere() {
        studio.createCluster("cpu", dedicated(DS3, 0, 2));
        viewModel.refresh();
        viewModel.selectedClusterProperty().set(cluster("cpu"));
        viewModel.editTypeProperty().set(IdentityType.SYSTEM_ASSIGNED);

        viewModel.refresh();
        assertThat(viewModel.editTypeProperty().get()).isEqualTo(IdentityType.SYSTEM_ASSIGNED);
        assertThat(viewModel.selectedClusterProperty().get().name()).isEqualTo("cpu");

        UserAssignedIdentity fromCli = studio.identities.create(WS, "cli-id");
        studio.compute.update(WS, "cpu", new ComputeService.Update(null, null, null,
                ClusterIdentity.userAssigned(List.of(fromCli.resourceId())), false));
        viewModel.refresh();

        assertThat(viewModel.editTypeProperty().get()).isEqualTo(IdentityType.USER_ASSIGNED);
        assertThat(choice("cli-id").isChosen()).isTrue();
        assertThat(viewModel.applyDisabledProperty().get()).isTrue();
    }

    @Test
    void tryItShowsTheDecodedTokenWithItsSignatureVerified() {
        UserAssignedIdentity trainer = studio.identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(trainer.resourceId()))));
        viewModel.refresh();
        assertThat(viewModel.audienceProperty().get()).isEqualTo("https://management.azure.com/");
        assertThat(viewModel.requestDisabledProperty().get()).isFalse();

        viewModel.requestToken();

        assertThat(viewModel.tokenErrorProperty().get()).isNull();
        assertThat(viewModel.tokenProperty().get().signatureVerified()).isTrue();
        assertThat(viewModel.claims()).extracting(ClaimRow::name).containsExactly("alg", "typ", "kid",
                "aud", "iss", "iat", "nbf", "exp", "appid", "appidacr", "idp", "oid", "sub", "tid", "uti", "ver",
                "xms_mirid");
        assertThat(viewModel.claims()).extracting(ClaimRow::part).startsWith(ClaimRow.Part.HEADER,
                ClaimRow.Part.HEADER, ClaimRow.Part.HEADER, ClaimRow.Part.PAYLOAD);
        assertThat(value("alg")).isEqualTo("RS256");
        assertThat(value("appid")).isEqualTo(trainer.clientId());
        assertThat(value("oid")).isEqualTo(trainer.principalId());
        assertThat(value("aud")).isEqualTo("https://management.azure.com/");
        assertThat(value("xms_mirid")).isEqualTo(trainer.resourceId());
        assertThat(value("exp")).matches("\\d{10}  \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)");
        assertThat(viewModel.requestingProperty().get()).isFalse();
    }

    @Test
    void tryItShowsTheEndpointsRefusalForAnIdentityTheClusterDoesNotHave() {
        UserAssignedIdentity other = studio.identities.create(WS, "other-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        viewModel.refresh();
        viewModel.tokenIdentityProperty().set(viewModel.tokenIdentities().stream()
                .filter(option -> "other-id".equals(option.name())).findFirst().orElseThrow());

        viewModel.requestToken();

        assertThat(viewModel.tokenProperty().get()).isNull();
        assertThat(viewModel.claims()).isEmpty();
        assertThat(viewModel.tokenErrorProperty().get()).isEqualTo("the token endpoint refused the request (400 "
                + "invalid_request): Identity not found: compute 'cpu' has no managed identity with client id '"
                + other.clientId() + "'");
    }

    @Test
    void everythingEmptiesWithoutAWorkspace() {
        studio.identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2));
        viewModel.refresh();
        assertThat(viewModel.identities()).isNotEmpty();

        workspace.set(null);

        assertThat(viewModel.identities()).isEmpty();
        assertThat(viewModel.clusters()).isEmpty();
        assertThat(viewModel.clusterNames()).isEmpty();
        assertThat(viewModel.requestDisabledProperty().get()).isTrue();
    }

    @Test
    void claimDescriptionsTheTokensStatusAndTheNoticeFollowTheLanguageToPortugueseAndBack() {
        UserAssignedIdentity trainer = studio.identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2)
                .withIdentity(ClusterIdentity.userAssigned(List.of(trainer.resourceId()))));
        viewModel.refresh();
        viewModel.newIdentityNameProperty().set("spare-id");
        viewModel.createIdentity();
        viewModel.requestToken();
        StringBinding audience = viewModel.claimDescription(claim("aud"));
        StringBinding keyId = viewModel.claimDescription(claim("kid"));
        StringBinding userAssigned = viewModel.typeName(IdentityType.USER_ASSIGNED);

        language.set(Locale.forLanguageTag("pt-BR"));

        assertThat(audience.get()).isEqualTo("público: o recurso ao qual o token se destina");
        assertThat(keyId.get()).isEqualTo("cabeçalho · id da chave de assinatura no JWKS");
        assertThat(viewModel.tokenStatusProperty().get()).startsWith("Assinatura verificada (RS256, chave ")
                .matches(".*expira às \\d\\d:\\d\\d:\\d\\d \\(em \\d+ min\\)\\.");
        assertThat(viewModel.noticeTextProperty().get()).isEqualTo("Identidade 'spare-id' criada.");
        assertThat(userAssigned.get()).isEqualTo("Atribuída pelo usuário");

        language.set(Locale.ENGLISH);

        assertThat(audience.get()).isEqualTo("audience: the resource the token is for");
        assertThat(keyId.get()).isEqualTo("header · id of the signing key in the JWKS");
        assertThat(viewModel.tokenStatusProperty().get()).startsWith("Signature verified (RS256, key ");
        assertThat(viewModel.noticeTextProperty().get()).isEqualTo("Created identity 'spare-id'.");
        assertThat(userAssigned.get()).isEqualTo("User-assigned");
    }

    private ClaimRow claim(String name) {
        return viewModel.claims().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    private String value(String claim) {
        return claim(claim).value();
    }
}
