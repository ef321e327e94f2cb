package dev.computestudio.app.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The yardstick for the studio's cold start: a JavaFX window with one label, the least any JavaFX
 * program pays before its first frame on this machine. It prints {@code first frame in N ms} (JVM
 * start to first frame, as the studio's {@code ready in N ms}) and ends.
 */
public final class BareWindow extends Application {

    static final String FIRST_FRAME = "first frame in";

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Compute Studio")), 1200, 760);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(FIRST_FRAME + " " + elapsed + " ms");
                System.out.flush();
                Platform.exit();
            }
        });
        stage.setScene(scene);
        stage.show();
    }
}
