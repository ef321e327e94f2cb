package dev.computestudio.cli;

import java.io.PrintWriter;
import java.util.List;

/** Runs the product's benchmarks; the composition root provides it, as it wires real parts. */
@FunctionalInterface
public interface BenchmarkSuite {

    /** One measured figure. */
    record Figure(String benchmark, String metric, double value, String unit, String note) {
    }

    /**
     * What to run.
     *
     * @param quick      fewer samples
     * @param studio     also the studio benchmarks, which open a window (a display or Xvfb is needed)
     * @param studioOnly only the studio's figures (cold start, memory, under load)
     */
    record Options(boolean quick, boolean studio, boolean studioOnly) {
    }

    /** Runs the benchmarks, writing a status line per step to {@code progress}. */
    List<Figure> run(Options options, PrintWriter progress) throws Exception;
}
