package dev.computestudio.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real program in a new JVM, as a user's shell would: the same class path as the tests,
 * the main class, a data folder of the test's own, and the process runner (the Docker runner has
 * its own tests), so that the results do not depend on whether a Docker engine answers.
 */
final class CliRunner {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Path dataFolder;
    private final List<String> jvmOptions;

    CliRunner(Path dataFolder) {
        this(dataFolder, List.of());
    }

    /** @param jvmOptions such as {@code -Dlogback.configurationFile=...}, before the main class */
    CliRunner(Path dataFolder, List<String> jvmOptions) {
        this.dataFolder = dataFolder;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    record Result(int exitCode, String out, String err) {
    }

    Result run(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("compute-studio " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), read(dataFolder.resolve("last.out")),
                read(dataFolder.resolve("last.err")));
    }

    /** Starts the program without waiting, e.g. {@code serve}; its output goes to the given files. */
    Process startInBackground(Path out, Path err, String... args) throws IOException {
        return builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private Process start(String... args) throws IOException {
        return builder(args)
                .redirectOutput(dataFolder.resolve("last.out").toFile())
                .redirectError(dataFolder.resolve("last.err").toFile())
                .start();
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.addAll(List.of("dev.computestudio.app.Main", "--data-dir", dataFolder.toString(), "--runner", "process"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("COMPUTE_STUDIO_HOME");
        return builder;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
