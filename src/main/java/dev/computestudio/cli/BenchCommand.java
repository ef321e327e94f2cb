package dev.computestudio.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
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

    @Option(names = "--studio-only", description = "Only the studio's figures: cold start, memory and under load.")
    boolean studioOnly;

    @Option(names = "--json-file", paramLabel = "FILE", defaultValue = "target/bench/results.json",
            description = "Where the results are also written as JSON, with the machine (default: ${DEFAULT-VALUE}).")
    Path jsonFile;

    @Mixin
    OutputOption output;

    BenchCommand(BenchmarkSuite suite, GlobalContext context) {
        this.suite = suite;
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<BenchmarkSuite.Figure> figures = suite.run(new BenchmarkSuite.Options(quick, studio || studioOnly, studioOnly), context.err());
        writeResults(figures);
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

    /** The figures and the machine they came from, for comparing runs between commits. */
    private void writeResults(List<BenchmarkSuite.Figure> figures) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("when", Instant.now().toString());
        results.put("quick", quick);
        results.put("machine", machine());
        results.put("figures", figures.stream().map(f -> {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("benchmark", f.benchmark());
            figure.put("metric", f.metric());
            figure.put("value", Math.round(f.value() * 10) / 10.0);
            figure.put("unit", f.unit());
            figure.put("note", f.note());
            return figure;
        }).toList());
        Path file = jsonFile.toAbsolutePath();
        Files.createDirectories(file.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            Output.json(out, results);
        }
        context.err().println("bench: results written to " + file);
        context.err().flush();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
