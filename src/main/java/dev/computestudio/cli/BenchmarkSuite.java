package dev.computestudio.cli;

import java.io.PrintWriter;
import java.util.List;

/** Runs the product's benchmarks; the composition root provides it, as it wires real parts. */
@FunctionalInterface
public interface BenchmarkSuite {

    /** One measured figure. */
    record Figure(String benchmark, String metric, double value, String unit, String note) {
    }

    /** Runs every benchmark, writing a status line per step to {@code progress}. */
    List<Figure> run(boolean quick, PrintWriter progress) throws Exception;
}
