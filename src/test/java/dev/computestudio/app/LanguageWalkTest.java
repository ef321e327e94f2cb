package dev.computestudio.app;

import dev.computestudio.service.PreferencesService;
import dev.computestudio.testing.ForeignTexts;
import dev.computestudio.testing.VisibleTexts;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
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
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Brazilian trainer walks every screen of the studio, with clusters in error, finished and
 * failed jobs, a lock and an identity, and reads no English; switched back to English, no
 * Portuguese is left. With {@code -Dscreenshots.dir=DIR} the walk also saves each screen, light and
 * dark, as PNG files there.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageWalkTest {

    private static final Locale PORTUGUESE = PreferencesService.BRAZILIAN_PORTUGUESE;
    private static final Classroom CLASSROOM = new Classroom("aula-ml", "cpu-basico", "gpu-sem-cota", "Standard_NC6",
            "id-aula", "treino-ok", "treino-falha", "nao-excluir", "aula de sexta");

    private StudioWindow studio;
    private ShellViewModel shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        studio = new StudioWindow("language-walk");
        CLASSROOM.arrange(studio.context);
        shell = studio.show(stage, PORTUGUESE);
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        studio.close();
    }

    @Test
    void everyScreenSpeaksTheChosenLanguageAndSwitchingBackLeavesNoPortuguese(FxRobot robot) throws Exception {
        Map<String, String> english = walk(robot, new ForeignTexts("", "_pt_BR"), "pt-BR");
        assertThat(english).as("English texts on screens in Brazilian Portuguese (text -> key)").isEmpty();

        robot.interact(() -> shell.setLanguage(Locale.ENGLISH));
        Map<String, String> portuguese = walk(robot, new ForeignTexts("_pt_BR", ""), "en");
        assertThat(portuguese).as("Portuguese texts left after switching to English (text -> key)").isEmpty();
    }

    /** Shows every screen and the wizard's steps; returns each foreign text seen, with its key. */
    private Map<String, String> walk(FxRobot robot, ForeignTexts foreign, String language) throws Exception {
        Map<String, String> found = new TreeMap<>();
        for (Screen screen : Screen.values()) {
            robot.clickOn("#nav-" + screen.id());
            ScreenPictures.settle();
            selectFirstRow(robot, screen);
            collect(robot, foreign, found);
            screenshot(robot, language + "-" + screen.id());
        }
        robot.clickOn("#nav-compute");
        ScreenPictures.settle();
        robot.clickOn("#compute-new");
        ScreenPictures.waitUntil(() -> robot.lookup("#wizard-size-filter").tryQuery().isPresent(), 10);
        collect(robot, foreign, found);
        saveWizard(robot, language + "-wizard-1");
        robot.clickOn("#wizard-size-filter").write("DS1");
        // The size's cell in the wizard's table: the Compute screen behind it shows the same text.
        robot.clickOn(robot.from(robot.lookup("#wizard-sizes").queryAll()).lookup("Standard_DS1_v2").<Node>query());
        for (int step = 1; step <= 3; step++) {
            robot.clickOn("#wizard-next");
            ScreenPictures.settle();
            if (step == 1) {
                ScreenPictures.waitUntil(() -> robot.lookup("#wizard-name").tryQuery().isPresent(), 10);
                robot.clickOn("#wizard-name").write("cluster-da-turma");
            }
            collect(robot, foreign, found);
            saveWizard(robot, language + "-wizard-" + (step + 1));
        }
        robot.clickOn("#wizard-cancel");
        ScreenPictures.settle();
        for (String dialog : new String[] {"#compute-edit-scale", "#compute-identity", "#compute-attach", "#compute-delete"}) {
            selectFirstRow(robot, Screen.COMPUTE);
            if (dialog.equals("#compute-identity") || dialog.equals("#compute-attach")) {
                // In the toolbar's "More" menu: its items are read while it is open.
                robot.clickOn("#compute-more");
                ScreenPictures.settle();
                collect(robot, foreign, found);
            }
            robot.clickOn(dialog);
            ScreenPictures.settle();
            collect(robot, foreign, found);
            robot.type(KeyCode.ESCAPE);
            ScreenPictures.settle();
        }
        robot.clickOn("#nav-demos");
        ScreenPictures.settle();
        robot.interact(() -> robot.lookup("#demo-scenarios").queryListView().getSelectionModel().selectFirst());
        ScreenPictures.settle();
        collect(robot, foreign, found);
        return found;
    }

    private void selectFirstRow(FxRobot robot, Screen screen) {
        String table = switch (screen) {
            case COMPUTE -> "#compute-table";
            case JOBS -> "#jobs-table";
            case IDENTITY -> "#identity-table";
            default -> null;
        };
        if (table != null) {
            robot.lookup(table).tryQuery().map(node -> (TableView<?>) node).ifPresent(view -> {
                robot.interact(() -> view.getSelectionModel().selectLast());
                ScreenPictures.settle();
            });
        }
    }

    private static void collect(FxRobot robot, ForeignTexts foreign, Map<String, String> found) {
        Set<String> shown = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(VisibleTexts::inOpenWindows));
        for (String text : shown) {
            foreign.keyOf(text).ifPresent(key -> found.put(text, key));
        }
    }

    private void screenshot(FxRobot robot, String name) throws IOException {
        String folder = System.getProperty("screenshots.dir");
        if (folder == null) {
            return;
        }
        for (String theme : new String[] {"light", "dark"}) {
            ScreenPictures.save(stage.getScene(), Path.of(folder).resolve(name + "-" + theme + ".png"));
            robot.clickOn("#theme-toggle");
            ScreenPictures.settle();
        }
    }

    /** The wizard's own window, in the theme it opened with (the shell's toggle is behind the modal wizard). */
    private static void saveWizard(FxRobot robot, String name) throws IOException {
        String folder = System.getProperty("screenshots.dir");
        if (folder == null) {
            return;
        }
        Scene wizard = robot.lookup("#cluster-wizard").query().getScene();
        ScreenPictures.save(wizard, Path.of(folder).resolve(name + ".png"));
    }
}
