package dev.computestudio.app.bench;

import dev.computestudio.cli.BenchmarkSuite.Figure;
import dev.computestudio.domain.EventKind;
import dev.computestudio.domain.LogEvent;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.NodeState;
import dev.computestudio.domain.port.EventLog;
import dev.computestudio.infra.persistence.Database;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The event log on a real H2 file: how many events a second it stores when written in batches
 * (as the engine writes them, one batch a pass), and one cluster's window read back through the
 * {@link EventLog#window} port the timeline uses.
 */
final class EventLogBenchmarks {

    static final int CLUSTERS = 10;
    static final int NODES_PER_CLUSTER = 100;
    private static final int BATCH = 1_000;
    private static final NodeState[] CYCLE = {NodeState.PREPARING, NodeState.IDLE, NodeState.RUNNING, NodeState.IDLE};

    List<Figure> run(boolean quick, PrintWriter progress) throws Exception {
        int events = quick ? 20_000 : 100_000;
        progress.println("bench: event log, " + events + " events in batches of " + BATCH + ", H2 file...");
        progress.flush();
        Path folder = Files.createTempDirectory("compute-studio-bench-events");
        try (Database database = Database.openFile(folder)) {
            EventLog log = database.eventLog();
            Instant start = Instant.parse("2024-01-01T00:00:00Z");
            long begun = System.nanoTime();
            for (int written = 0; written < events; written += BATCH) {
                log.append(batch(start, written, Math.min(BATCH, events - written)));
            }
            double seconds = (System.nanoTime() - begun) / 1e9;
            Instant end = start.plusSeconds(events);
            List<Double> whole = new ArrayList<>();
            List<Double> hour = new ArrayList<>();
            int found = 0;
            for (int i = 0; i < (quick ? 5 : 20); i++) {
                long t = System.nanoTime();
                found = log.window("bench", "c" + (i % CLUSTERS), start, end).size();
                whole.add((System.nanoTime() - t) / 1e6);
                t = System.nanoTime();
                log.window("bench", "c" + (i % CLUSTERS), start.plus(Duration.ofMinutes(i)),
                        start.plus(Duration.ofMinutes(60 + i)));
                hour.add((System.nanoTime() - t) / 1e6);
            }
            Collections.sort(whole);
            Collections.sort(hour);
            int nodes = CLUSTERS * NODES_PER_CLUSTER;
            return List.of(
                    new Figure("event log", "events written per second", events / seconds, "events/s",
                            events + " node events, batches of " + BATCH + ", one transaction each, H2 file"),
                    new Figure("event log", "window query, one cluster, whole span", EngineBenchmarks.percentile(whole,
                            50), "ms", "median; " + found + " of " + events + " events, " + nodes
                            + " nodes, through EventLog.window"),
                    new Figure("event log", "window query, one cluster, one hour",
                            EngineBenchmarks.percentile(hour, 50), "ms", "median"));
        } finally {
            EngineBenchmarks.deleteTree(folder);
        }
    }

    /** Node events one second apart, the nodes taking turns, each walking preparing -> idle -> running -> idle. */
    static List<LogEvent> batch(Instant start, int first, int count) {
        List<LogEvent> batch = new ArrayList<>(count);
        int nodes = CLUSTERS * NODES_PER_CLUSTER;
        for (int i = first; i < first + count; i++) {
            int node = i % nodes;
            int cluster = node / NODES_PER_CLUSTER;
            NodeState state = CYCLE[(i / nodes) % CYCLE.length];
            batch.add(new LogEvent(0, start.plusSeconds(i), EventKind.NODE, "bench", "c" + cluster,
                    "c" + cluster + "-node-" + node, state == NodeState.RUNNING ? "job-" + i : null, state.name(), 0,
                    reason(state, i)));
        }
        return batch;
    }

    /** The reasons the engine gives these moves, arguments and all, so that a write costs what the engine's does. */
    private static Message reason(NodeState state, int event) {
        return switch (state) {
            case PREPARING -> Message.of("reason.node.scale-up");
            case RUNNING -> Message.of("reason.node.rank-started", 0, "job-" + event);
            default -> Message.of("reason.node.rank-exited", 0);
        };
    }
}
