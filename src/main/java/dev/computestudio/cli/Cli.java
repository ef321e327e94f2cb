package dev.computestudio.cli;

import picocli.CommandLine;

import java.util.Map;

/** Builds the command line: the root command, its groups, and how errors are reported. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(String version, StudioLauncher studioLauncher, Backend.Opener opener,
                                     BenchmarkSuite benchmarks, Map<String, String> environment) {
        GlobalContext context = new GlobalContext(studioLauncher, opener, environment);
        RootCommand root = new RootCommand(context);
        context.attach(root);
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(root)
                .addSubcommand(new WorkspaceCommands(context))
                .addSubcommand(new ComputeCommands(context))
                .addSubcommand(new JobCommands(context))
                .addSubcommand(new LockCommands(context))
                .addSubcommand(new QuotaCommands(context))
                .addSubcommand(new ServeCommand(context))
                .addSubcommand(new BenchCommand(benchmarks, context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setUsageHelpAutoWidth(true)
                .setExecutionStrategy(parseResult -> {
                    Integer helpExitCode = CommandLine.executeHelpRequest(parseResult);
                    if (helpExitCode != null) {
                        return helpExitCode;
                    }
                    context.prepare(parseResult.hasSubcommand());
                    try {
                        return new CommandLine.RunLast().execute(parseResult);
                    } finally {
                        context.closeBackend();
                    }
                });
        commandLine.getCommandSpec().versionProvider(new VersionProvider(version));
        return commandLine;
    }
}
