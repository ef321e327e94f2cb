package dev.computestudio.testing;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The one stage TestFX lends every UI test, set up the same way in each. */
public final class TestStage {

    private TestStage() {
    }

    /**
     * Shows {@code root} on the stage at the given size. The stage is shared by every test: an
     * earlier one may have sized it or set its least size (the wizard's), which a new scene does not
     * undo, so the stage forgets its least size and takes the scene's size.
     */
    public static void setScene(Stage stage, Parent root, double width, double height) {
        stage.setScene(new Scene(root, width, height));
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.sizeToScene();
    }
}
