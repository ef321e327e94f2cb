package dev.computestudio.cli;

import picocli.CommandLine.Option;

/** {@code -o/--output table|json}. */
final class OutputOption {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    boolean json() {
        return format == OutputFormat.JSON;
    }
}
