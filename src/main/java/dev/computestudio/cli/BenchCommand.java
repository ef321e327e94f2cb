package dev.computestudio.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code bench}: measures the engine on this machine and prints the figures. */
@Command(name = "bench", description = "Measure the scheduler and job start latency on this machine.",
        mixinStandardHelpOptions = true)
final class BenchCommand implements java.util.concurrent.Callable<Integer> {

    private final BenchmarkSuite suite;
    private final GlobalContext context;

    @Option(names = "--quick", description = "Fewer samples, for a fast look.")
    boolean quick;

    @Option(names = "--studio", description = "Also measure the studio window (needs a display; xvfb-run works).")
    boolean studio;

    @Mixin
    OutputOption output;

    BenchCommand(BenchmarkSuite suite, GlobalContext context) {
        this.suite = suite;
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<BenchmarkSuite.Figure> figures = suite.run(new BenchmarkSuite.Options(quick, studio), context.err());
        if (output.json()) {
            Output.json(context.out(), figures.stream().map(f -> Map.of("benchmark", f.benchmark(),
                    "metric", f.metric(), "value", f.value(), "unit", f.unit(), "note", f.note())).toList());
        } else {
            Table table = new Table("Benchmark", "Metric", "Value", "Unit", "Note");
            figures.forEach(f -> table.row(f.benchmark(), f.metric(), String.format(Locale.ROOT, "%.1f", f.value()),
                    f.unit(), f.note()));
            table.print(context.out());
        }
        return ExitCodes.OK;
    }
}
