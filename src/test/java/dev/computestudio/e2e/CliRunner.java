package dev.computestudio.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real program in a new JVM, as a user's shell would: the same class path as the tests,
 * the main class, a data folder of the test's own, and by default the process runner (the Docker
 * runner has its own tests), so that the results do not depend on whether a Docker engine answers.
 */
final class CliRunner {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** What the launcher script gives short commands: they start faster with the quick JIT. */
    private static final List<String> SHORT_COMMAND_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path dataFolder;
    private final String runner;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    CliRunner(Path dataFolder) {
        this(dataFolder, "process", Map.of(), List.of());
    }

    /** @param jvmOptions such as {@code -Dlogback.configurationFile=...}, before the main class */
    CliRunner(Path dataFolder, List<String> jvmOptions) {
        this(dataFolder, "process", Map.of(), jvmOptions);
    }

    /**
     * @param runner      the {@code --runner} every command gets
     * @param environment variables added to each command's environment, e.g. DOCKER_HOST
     */
    private CliRunner(Path dataFolder, String runner, Map<String, String> environment, List<String> jvmOptions) {
        this.dataFolder = dataFolder;
        this.runner = runner;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The same program and data folder with another runner and environment, e.g. {@code serve --runner docker}. */
    CliRunner with(String otherRunner, Map<String, String> otherEnvironment) {
        return new CliRunner(dataFolder, otherRunner, otherEnvironment, jvmOptions);
    }

    Path dataFolder() {
        return dataFolder;
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs a command to its end. One at a time per runner: the output goes through two files of the data folder. */
    Result run(String... args) throws IOException, InterruptedException {
        Process process = builder(args)
                .redirectOutput(dataFolder.resolve("last.out").toFile())
                .redirectError(dataFolder.resolve("last.err").toFile())
                .start();
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

    /**
     * Starts a test's own main class in a new JVM with the test class path (a client that calls
     * the services directly), its output to the given files.
     */
    Process startMain(Class<?> main, Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(SHORT_COMMAND_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return environment(new ProcessBuilder(command)).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        boolean longRunning = List.of(args).contains("serve");
        if (!longRunning) {
            command.addAll(SHORT_COMMAND_JVM);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.computestudio.app.Main", "--data-dir", dataFolder.toString(), "--runner", runner));
        command.addAll(List.of(args));
        return environment(new ProcessBuilder(command));
    }

    private ProcessBuilder environment(ProcessBuilder builder) {
        builder.environment().remove("COMPUTE_STUDIO_HOME");
        builder.environment().putAll(environment);
        return builder;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
