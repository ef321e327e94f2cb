package dev.computestudio.cli;

import picocli.CommandLine;

import java.util.Map;
import java.util.function.Supplier;

/** Builds the command line: the root command, its groups, and how errors are reported. */
public final class Cli {

    private Cli() {
    }

    /**
     * What the command line needs from the composition root.
     *
     * @param runnerProbe says which runner {@code --runner auto} would pick here, for {@code --version}
     */
    public record Parts(String version, StudioLauncher studio, Backend.Opener opener, BenchmarkSuite benchmarks,
                        Supplier<String> runnerProbe) {
    }

    public static CommandLine create(Parts parts, Map<String, String> environment) {
        GlobalContext context = new GlobalContext(parts.studio(), parts.opener(), environment);
        RootCommand root = new RootCommand(context);
        context.attach(root);
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(root)
                .addSubcommand(new WorkspaceCommands(context))
                .addSubcommand(new CommandLine(new ComputeCommands(context))
                        .addSubcommand(new ComputeIdentityCommands(context)))
                .addSubcommand(new JobCommands(context))
                .addSubcommand(new IdentityCommands(context))
                .addSubcommand(new EnvironmentCommands(context))
                .addSubcommand(new LockCommands(context))
                .addSubcommand(new QuotaCommands(context))
                .addSubcommand(new ConfigCommands(context))
                .addSubcommand(new ServeCommand(context))
                .addSubcommand(new DemoCommands(context))
                .addSubcommand(new BenchCommand(parts.benchmarks(), context))
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
        commandLine.getCommandSpec().versionProvider(new VersionProvider(parts.version(), parts.runnerProbe()));
        return commandLine;
    }
}
