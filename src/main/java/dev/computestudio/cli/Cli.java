package dev.computestudio.cli;

import picocli.CommandLine;

import java.util.Map;

/** Builds the command line: the root command, its groups, and how errors are reported. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(String version, StudioLauncher studioLauncher, Map<String, String> environment) {
        GlobalContext context = new GlobalContext(studioLauncher, environment);
        RootCommand root = new RootCommand(context);
        context.attach(root);
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(root)
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
                    return new CommandLine.RunLast().execute(parseResult);
                });
        commandLine.getCommandSpec().versionProvider(new VersionProvider(version));
        return commandLine;
    }
}
