package dev.computestudio.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * {@code compute-studio serve} in its own JVM, as a user starts it in a terminal: what it says
 * on its error stream (runner, "engine: running", "engine: waiting for lease") is how the tests
 * follow it, and it can be stopped as Ctrl-C does or killed as a crash does.
 */
final class ServeProcess {

    static final String RUNNING = "engine: running";
    static final String WAITING = "engine: waiting for lease";

    private final String name;
    private final Process process;
    private final Path err;

    private ServeProcess(String name, Process process, Path err) {
        this.name = name;
        this.process = process;
        this.err = err;
    }

    /** Starts {@code serve}; its output goes to NAME.out and NAME.err in the data folder. */
    static ServeProcess start(CliRunner cli, String name) throws IOException {
        Path folder = cli.dataFolder();
        Path err = folder.resolve(name + ".err");
        return new ServeProcess(name, cli.startInBackground(folder.resolve(name + ".out"), err, "serve"), err);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed on its error stream so far. */
    String output() {
        try {
            return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + err + ": " + e.getMessage() + ")";
        }
    }

    boolean saysRunning() {
        return output().contains(RUNNING);
    }

    boolean saysWaiting() {
        return output().contains(WAITING);
    }

    /** Waits until this engine holds the lease and runs passes. */
    ServeProcess awaitRunning(Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(100))
                .alias(name + " to say '" + RUNNING + "'; it said:\n" + output())
                .until(() -> saysRunning() || !process.isAlive());
        if (!saysRunning()) {
            throw new AssertionError(name + " ended (exit " + process.exitValue() + ") without running:\n" + output());
        }
        return this;
    }

    /** A crash: SIGKILL, no shutdown hook, nothing handed back. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + pid() + ") did not die of SIGKILL within 30 s");
        }
    }

    /** Ctrl-C: SIGTERM, and the engine hands its jobs back before the process ends. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not stop within 60 s of SIGTERM:\n" + output());
        }
    }

    /** For clean-up after a failed test: gone, whatever it was doing. */
    void destroy() {
        process.destroyForcibly();
    }
}
