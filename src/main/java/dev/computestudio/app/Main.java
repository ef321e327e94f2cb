package dev.computestudio.app;

import dev.computestudio.app.bench.EngineBenchmarks;
import dev.computestudio.cli.Cli;

/**
 * The one entry point: without a command it opens the studio, with one it runs the command line.
 * The studio is started through {@link StudioMain} so that this class loads no JavaFX code for a
 * command-line call.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Cli.Parts parts = new Cli.Parts(Version.current(), StudioMain.launcher(),
                (folder, runner) -> AppContext.open(folder, runner, "command line"), new EngineBenchmarks(),
                Runners::describeAuto);
        System.exit(Cli.forArguments(parts, System.getenv(), args).execute(args));
    }
}
