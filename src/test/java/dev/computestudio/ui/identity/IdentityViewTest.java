package dev.computestudio.ui.identity;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.UiThreads;
import dev.computestudio.testing.TestStage;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** The Identity panel on a headless stage, over real services, H2 and the real token endpoint. */
@ExtendWith(ApplicationExtension.class)
class IdentityViewTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private StudioFixture studio;
    private UserAssignedIdentity trainer;

    @Start
    void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        studio = new StudioFixture(Files.createTempDirectory("identity-view-test"));
        trainer = studio.identities.create(WS, "trainer-id");
        studio.createCluster("cpu", dedicated(DS3, 0, 2));
        studio.createCluster("gpu", dedicated(DS3, 0, 1).withIdentity(ClusterIdentity.SYSTEM_ASSIGNED));
        Messages messages = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));
        IdentityViewModel viewModel = new IdentityViewModel(studio.identities, studio.compute,
                new SimpleStringProperty(WS), new UiThreads(background, Platform::runLater), messages,
                Clock.systemUTC());
        TestStage.setScene(stage, new IdentityView(viewModel, messages), 1200, 760);
        stage.show();
        background.execute(viewModel::refresh);
    }

    @AfterEach
    void close() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        studio.close();
    }

    @Test
    void addingAUserAssignedIdentityToAnExistingClusterGivesItThatIdentity(FxRobot robot) throws Exception {
        TableView<?> clusters = robot.lookup("#identity-clusters").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> clusters.getItems().size() == 2);

        robot.clickOn(cell(robot, "#identity-clusters", "cpu"));
        assertThat(robot.lookup("#identity-editing").queryAs(Labeled.class).getText())
                .isEqualTo("Identity of cluster 'cpu'");
        assertThat(robot.lookup("#identity-apply").queryButton().isDisabled()).isTrue();
        robot.clickOn("#identity-type-user-assigned");
        robot.clickOn(robot.lookup("#identity-choices .check-box").queryAs(CheckBox.class));
        robot.clickOn("#identity-apply");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> studio.compute.show(WS, "cpu").spec().identity()
                .equals(ClusterIdentity.userAssigned(List.of(trainer.resourceId()))));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#identity-clusters .table-cell")
                .queryAllAs(Labeled.class).stream().anyMatch(cell -> "trainer-id".equals(cell.getText())));
        assertThat(robot.lookup("#identity-notice").queryAs(Labeled.class).getText())
                .isEqualTo("Cluster 'cpu' has its new identity; its next jobs get tokens for it.");
        assertThat(robot.lookup("#identity-table .table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText)).contains("cpu");
        assertThat(robot.lookup("#identity-apply").queryButton().isDisabled()).isTrue();
    }

    @Test
    void creatingAnIdentityByTypingItsNameListsIt(FxRobot robot) throws Exception {
        TableView<?> identities = robot.lookup("#identity-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> identities.getItems().size() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        robot.write("demo-id").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> identities.getItems().size() == 2);
        assertThat(studio.identities.show(WS, "demo-id").clientId()).isNotBlank();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#identity-notice").queryAs(Labeled.class).getText())
                .isEqualTo("Created identity 'demo-id'.");
        assertThat(robot.lookup("#identity-name").queryTextInputControl().getText()).isEmpty();
    }

    @Test
    void tryingATokenShowsItsClaimsWithTheSignatureVerified(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !robot.lookup("#identity-try-request").queryButton().isDisabled());

        robot.clickOn("#identity-try-request");

        TableView<?> claims = robot.lookup("#identity-claims").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !claims.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#identity-try-status").queryAs(Labeled.class).getText())
                .startsWith("Signature verified (RS256, key ");
        assertThat(robot.lookup("#identity-try-request-line").queryAs(Labeled.class).getText())
                .startsWith("GET http://127.0.0.1:").contains("/msi/token?api-version=2017-09-01&resource=")
                .contains("secret: the node's MSI_SECRET (never shown)").contains("keys: GET http://127.0.0.1:");
        String gpuClientId = studio.compute.show(WS, "gpu").systemIdentity().clientId();
        assertThat(List.<Object>copyOf(claims.getItems())).contains(new ClaimRow(ClaimRow.Part.PAYLOAD, "appid", gpuClientId));
        assertThat(robot.lookup(".claim-value").queryAll().stream().map(node -> ((javafx.scene.text.Text) node)
                .getText())).contains("RS256", "https://management.azure.com/");
        assertThat(robot.lookup(".claim-meaning").queryAll().stream().map(node -> ((javafx.scene.text.Text) node)
                .getText())).contains("audience: the resource the token is for");
    }

    private static Node cell(FxRobot robot, String table, String text) {
        return robot.lookup(table + " .table-cell").queryAllAs(Labeled.class).stream()
                .filter(cell -> text.equals(cell.getText())).findFirst().orElseThrow();
    }
}
