package dev.computestudio.app;

import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/** Logs, once, how long the studio took from the start of the JVM to its first frame. */
final class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger(StudioApp.class);

    private StartupReport() {
    }

    /** Call before the stage is shown; the first pulse that lays the scene out is the first frame. */
    static void logOnFirstFrame(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("ready in {} ms", elapsed);
            }
        });
    }
}
