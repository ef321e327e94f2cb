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
        return create(parts, environment, true);
    }

    /**
     * The command line for {@code args}: the root command alone when they only open the studio,
     * else {@link #create(Parts, Map)}. picocli builds the model of every command group by
     * reflection, which was a sixth of the studio's start for options the studio does not use.
     */
    public static CommandLine forArguments(Parts parts, Map<String, String> environment, String... args) {
        CommandLine rootOnly = create(parts, environment, false);
        return opensStudio(rootOnly, args) ? rootOnly : create(parts, environment);
    }

    /**
     * True when the root alone understands {@code args} and they ask for neither help nor the
     * version, which list the commands.
     */
    private static boolean opensStudio(CommandLine rootOnly, String... args) {
        try {
            CommandLine.ParseResult parsed = rootOnly.parseArgs(args);
            return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            // A command, or a mistake that the whole command line reports as usual.
            return false;
        }
    }

    private static CommandLine create(Parts parts, Map<String, String> environment, boolean withCommands) {
        GlobalContext context = new GlobalContext(parts.studio(), parts.opener(), environment);
        RootCommand root = new RootCommand(context);
        context.attach(root);
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(root);
        if (withCommands) {
            commandLine.addSubcommand(new WorkspaceCommands(context))
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
                    .addSubcommand(new BenchCommand(parts.benchmarks(), context));
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
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
