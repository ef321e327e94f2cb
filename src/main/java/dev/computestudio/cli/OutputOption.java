package dev.computestudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Set;

/** {@code -o/--output table|json|yaml}; yaml only where a resource has a v2 YAML form. */
final class OutputOption {

    /** The commands that print clusters or jobs, whose YAML {@code create -f} reads again. */
    private static final Set<String> YAML_COMMANDS = Set.of("compute create", "compute update", "compute show",
            "compute list", "job create", "job show", "job list");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    OutputFormat format = OutputFormat.TABLE;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; yaml for clusters "
                    + "and jobs).")
    void format(OutputFormat chosen) {
        if (chosen == OutputFormat.YAML && mixee != null && !YAML_COMMANDS.contains(commandName())) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "-o yaml is for clusters and jobs (the "
                    + "files 'create -f' reads); use -o json or -o table here");
        }
        format = chosen;
    }

    private String commandName() {
        return mixee.parent() == null ? mixee.name() : mixee.parent().name() + " " + mixee.name();
    }

    boolean json() {
        return format == OutputFormat.JSON;
    }

    boolean yaml() {
        return format == OutputFormat.YAML;
    }
}
