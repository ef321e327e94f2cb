package dev.computestudio.app;

import dev.computestudio.service.PreferencesService;
import dev.computestudio.ui.shell.Screen;
import dev.computestudio.ui.shell.ShellViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The studio as a trainer projects it: at 1024x700 with the text at 150 %, in English and in
 * Brazilian Portuguese, every screen keeps its title in view, the navigation shows its icons only,
 * and the tables show names, sizes and states whole without scrolling sideways. With
 * {@code -Dscreenshots.dir=DIR} it also saves every screen and the wizard's steps at 1024x700 and
 * 1920x1080, 100 % and 150 % text, light and dark, in English, as
 * {@code DIR/compute-1024x700-100-light.png} and so on, and the same at 1024x700 in Brazilian
 * Portuguese in the folder beside it, {@code DIR-pt-BR} (the README's pictures come from
 * {@code -Dscreenshots.dir=assets/screenshots/projector}).
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorScreenshotsTest {

    private static final Classroom CLASSROOM = new Classroom("ml-class", "cpu-cluster", "gpu-t4-cluster",
            "Standard_NC4as_T4_v3", "id-training-storage", "train-logistic-regression", "evaluate-model-failing",
            "do-not-delete", "Friday's class");
    private static final int[] PROJECTOR = {1024, 700};
    private static final List<int[]> SIZES = List.of(PROJECTOR, new int[] {1920, 1080});
    private static final Locale PORTUGUESE = PreferencesService.BRAZILIAN_PORTUGUESE;
    private static final List<Integer> TEXT_SIZES = List.of(100, 150);

    private StudioWindow studio;
    private ShellViewModel shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        studio = new StudioWindow("projector-screenshots");
        shell = studio.show(stage, Locale.ENGLISH);
    }

    @AfterEach
    void closeEverything() throws InterruptedException {
        studio.close();
    }

    @Test
    void onAProjectorWithLargeTextEveryScreenKeepsItsTitleTablesShowTheirKeyValuesWholeAndTheNavigationShowsIcons(
            FxRobot robot) throws Exception {
        // Arranged here rather than while the stage is set up, which has a short time limit.
        CLASSROOM.arrange(studio.context);
        String folder = System.getProperty("screenshots.dir");
        for (Locale language : List.of(Locale.ENGLISH, PORTUGUESE)) {
            robot.interact(() -> shell.setLanguage(language));
            resize(robot, PROJECTOR[0], PROJECTOR[1]);
            // The trainer zooms in while a table shows: its columns measure again at the new size.
            robot.clickOn("#nav-compute");
            ScreenPictures.settle();
            robot.interact(() -> shell.setTextSize(150));
            ScreenPictures.settle();
            seeEveryScreenOnAProjector(robot, language);

            resize(robot, 1920, 1080);
            robot.interact(() -> shell.setTextSize(100));
            ScreenPictures.settle();
            assertThat(robot.lookup("#nav-workspaces").queryAs(Labeled.class).getContentDisplay().name())
                    .isEqualTo("LEFT");

            if (folder != null && language.equals(Locale.ENGLISH)) {
                saveEverything(robot, Path.of(folder), SIZES);
            } else if (folder != null) {
                saveEverything(robot, Path.of(folder + "-" + language.toLanguageTag()), List.of(PROJECTOR));
            }
        }
    }

    private void seeEveryScreenOnAProjector(FxRobot robot, Locale language) throws Exception {
        assertThat(robot.lookup("#nav-workspaces").queryAs(Labeled.class).getContentDisplay().name())
                .isEqualTo("GRAPHIC_ONLY");
        for (Screen screen : Screen.values()) {
            robot.clickOn("#nav-" + screen.id());
            ScreenPictures.settle();
            Node title = robot.lookup("#screen-title").query();
            Bounds shown = title.localToScene(title.getBoundsInLocal());
            assertThat(shown.getMinX()).as(screen + " title").isGreaterThanOrEqualTo(0);
            assertThat(shown.getMaxX()).as(screen + " title").isLessThanOrEqualTo(PROJECTOR[0]);
            assertThat(shown.getHeight()).as(screen + " title").isGreaterThan(10);
            String where = screen + " in " + language;
            switch (screen) {
                case COMPUTE -> ShownTables.assertWholeWithoutScrollingSideways(robot, "#compute-table", where,
                        CLASSROOM.cpuCluster(), CLASSROOM.gpuCluster(), "Standard_DS3_v2", CLASSROOM.gpuSize());
                case JOBS -> ShownTables.assertWholeWithoutScrollingSideways(robot, "#jobs-table", where,
                        CLASSROOM.finishedJob(), CLASSROOM.failedJob(), CLASSROOM.cpuCluster());
                case QUOTA -> {
                    // A quota's name may be cut (it is whole on hover), its use never.
                    ShownTables.assertNoSidewaysScrollingAndHeadersWhole(robot, "#quota-table", where);
                    ShownTables.assertLabelsInCellsWhole(robot, "#quota-table", where);
                    ShownTables.assertTextWhole(robot, "#quota-request", ".button", where);
                }
                case IDENTITY -> ShownTables.assertShownWhole(robot, "#identity-table", where, CLASSROOM.identity());
                case TIMELINE -> ShownTables.assertTextWhole(robot, "#timeline-cluster", ".list-cell", where);
                case DEMOS -> {
                    ShownTables.assertListTextsWhole(robot, "#demo-scenarios", where);
                    ShownTables.assertTextWhole(robot, "#demo-title", ".label", where);
                }
                default -> {
                }
            }
        }
        seeTheGpuSizesOnAProjector(robot, language);
    }

    /** The wizard as large as the projector lets it be: the GPU sizes' headers and names whole. */
    private void seeTheGpuSizesOnAProjector(FxRobot robot, Locale language) throws Exception {
        Stage wizard = openWizard(robot);
        robot.interact(() -> {
            wizard.setWidth(PROJECTOR[0]);
            wizard.setHeight(PROJECTOR[1]);
        });
        robot.clickOn("#wizard-kind-gpu");
        ScreenPictures.settle();
        String where = "the wizard's GPU sizes in " + language;
        ShownTables.assertWholeWithoutScrollingSideways(robot, "#wizard-sizes", where);
        robot.clickOn("#wizard-kind-cpu");
        robot.clickOn("#wizard-cancel");
        ScreenPictures.settle();
    }

    private Stage openWizard(FxRobot robot) throws Exception {
        robot.clickOn("#nav-compute");
        ScreenPictures.settle();
        robot.clickOn("#compute-new");
        ScreenPictures.waitUntil(() -> robot.lookup("#wizard-size-filter").tryQuery().isPresent(), 10);
        ScreenPictures.settle();
        return (Stage) robot.lookup("#cluster-wizard").query().getScene().getWindow();
    }

    private void saveEverything(FxRobot robot, Path folder, List<int[]> sizes) throws Exception {
        for (int[] size : sizes) {
            resize(robot, size[0], size[1]);
            for (int percent : TEXT_SIZES) {
                robot.interact(() -> shell.setTextSize(percent));
                for (String theme : new String[] {"light", "dark"}) {
                    if (shell.isDarkTheme() != theme.equals("dark")) {
                        robot.interact(shell::toggleTheme);
                    }
                    String suffix = "-" + size[0] + "x" + size[1] + "-" + percent + "-" + theme + ".png";
                    for (Screen screen : Screen.values()) {
                        robot.clickOn("#nav-" + screen.id());
                        ScreenPictures.settle();
                        selectFirstRow(robot, screen);
                        ScreenPictures.save(stage.getScene(), folder.resolve(screen.id() + suffix));
                    }
                    saveWizard(robot, folder, suffix);
                }
            }
        }
    }

    private void saveWizard(FxRobot robot, Path folder, String suffix) throws Exception {
        Stage window = openWizard(robot);
        // No larger than the studio's window, as on a screen that size.
        robot.interact(() -> {
            window.setWidth(Math.min(window.getWidth(), stage.getWidth()));
            window.setHeight(Math.min(window.getHeight(), stage.getHeight()));
        });
        ScreenPictures.settle();
        Scene wizard = window.getScene();
        ScreenPictures.save(wizard, folder.resolve("wizard-1" + suffix));
        robot.clickOn("#wizard-size-filter").write("DS1");
        robot.clickOn(robot.from(robot.lookup("#wizard-sizes").queryAll()).lookup("Standard_DS1_v2").<Node>query());
        for (int step = 1; step <= 3; step++) {
            robot.clickOn("#wizard-next");
            ScreenPictures.settle();
            if (step == 1) {
                ScreenPictures.waitUntil(() -> robot.lookup("#wizard-name").tryQuery().isPresent(), 10);
                robot.clickOn("#wizard-name").write("projector-cluster");
            }
            ScreenPictures.save(wizard, folder.resolve("wizard-" + (step + 1) + suffix));
        }
        robot.clickOn("#wizard-cancel");
        ScreenPictures.settle();
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        ScreenPictures.settle();
    }

    private static void selectFirstRow(FxRobot robot, Screen screen) {
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
}
