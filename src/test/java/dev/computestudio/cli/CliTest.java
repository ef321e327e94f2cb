package dev.computestudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Path> launchedWith = new ArrayList<>();

    /** Runs the command line as the application does: built for the arguments. */
    private int run(Map<String, String> environment, String... args) {
        CommandLine cli = Cli.forArguments(parts(), environment, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Cli.Parts parts() {
        return new Cli.Parts("9.9.9", (folder, runner) -> launchedWith.add(folder),
                (folder, runner) -> {
                    throw new AssertionError("these commands need no backend");
                }, (options, progress) -> List.of(), () -> "process (test)");
    }

    @Test
    void versionPrintsTheProductVersionAndTouchesNoDisk(@TempDir Path home) {
        int code = run(Map.of(), "--data-dir", home.resolve("state").toString(), "--version");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Compute Studio 9.9.9").contains("Runner (auto): process (test)")
                .contains("Java ");
        assertThat(home.resolve("state")).doesNotExist();
    }

    @Test
    void helpListsTheDataFolderOptionAndExitCodes() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("--data-dir=DIR").contains("Exit codes: 0 ok");
    }

    @Test
    void noCommandOpensTheStudioOnTheChosenDataFolder(@TempDir Path home) {
        Path folder = home.resolve("state");

        assertThat(run(Map.of(), "--data-dir", folder.toString())).isZero();

        assertThat(launchedWith).containsExactly(folder.toAbsolutePath());
        assertThat(folder).isDirectory();
    }

    @Test
    void theEnvironmentVariablePicksTheFolderWhenNoOptionIsGiven(@TempDir Path home) throws Exception {
        Path folder = home.resolve("from-env");

        run(Map.of(DataFolder.ENVIRONMENT_VARIABLE, folder.toString()));

        assertThat(launchedWith).containsExactly(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void openingTheStudioBuildsNoCommandGroups() {
        assertThat(Cli.forArguments(parts(), Map.of(), "--data-dir", "/tmp/x", "--runner", "PROCESS", "--demo")
                .getSubcommands()).isEmpty();
        assertThat(Cli.forArguments(parts(), Map.of()).getSubcommands()).isEmpty();
    }

    @Test
    void commandsHelpVersionAndMistakesGetTheWholeCommandLine() {
        assertThat(Cli.forArguments(parts(), Map.of(), "--data-dir", "/tmp/x", "workspace", "list")
                .getSubcommands()).containsKey("workspace");
        assertThat(Cli.forArguments(parts(), Map.of(), "--help").getSubcommands()).containsKey("compute");
        assertThat(Cli.forArguments(parts(), Map.of(), "-V").getSubcommands()).containsKey("compute");
        assertThat(Cli.forArguments(parts(), Map.of(), "--runner", "nowhere").getSubcommands()).containsKey("job");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("workspace").contains("compute").contains("bench");
    }

    @Test
    void theDefaultFolderIsInTheUsersHome() {
        assertThat(DataFolder.resolve(null, Map.of(), "/home/ana")).isEqualTo(Path.of("/home/ana/.compute-studio"));
    }

    @Test
    void anUnknownOptionIsBadInputWithAClearMessageAndNoTrace() {
        int code = run(Map.of(), "--bogus");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("error: Unknown option: '--bogus'").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(launchedWith).isEmpty();
    }
}
