package dev.computestudio.cli;

import dev.computestudio.app.AppContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line run in this JVM, wired as the launcher wires it but without a studio, over one
 * data folder with the process runner.
 */
final class InProcessCli {

    record Result(int exitCode, String out, String err) {
    }

    private final Path dataFolder;

    InProcessCli(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.create(new Cli.Parts("9.9.9", (folder, runner) -> {
            throw new AssertionError("no studio here");
        }, (folder, runner) -> AppContext.open(folder, runner, "test"), (options, progress) -> List.of(),
                () -> "process (test)"), Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--data-dir", dataFolder.toString(), "--runner", "process"));
        all.addAll(List.of(args));
        return new Result(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
