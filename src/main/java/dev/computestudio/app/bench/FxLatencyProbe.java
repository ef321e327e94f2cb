package dev.computestudio.app.bench;

import javafx.application.Platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long the FX thread keeps work waiting: every few milliseconds it posts a task and
 * records how late the task runs. A long delay is a pause the user would feel as a frozen window.
 */
final class FxLatencyProbe {

    private static final long INTERVAL_MILLIS = 5;

    private final List<Double> delays = Collections.synchronizedList(new ArrayList<>());

    /** Probes for the given time; blocks the calling thread (never the FX thread). */
    void run(long durationMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMillis);
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                delays.add((System.nanoTime() - posted) / 1e6);
                ran.countDown();
            });
            ran.await(10, TimeUnit.SECONDS);
            Thread.sleep(INTERVAL_MILLIS);
        }
    }

    /**
     * Runs {@code action} on the FX thread and returns how long, in milliseconds, the FX thread is
     * busy from then on: until a task posted after it runs, and a pulse (layout and rendering of what
     * it changed) has passed.
     */
    static double timeOnFxThread(Runnable action) throws InterruptedException {
        long posted = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            action.run();
            Platform.runLater(() -> Platform.runLater(done::countDown));
        });
        done.await(30, TimeUnit.SECONDS);
        return (System.nanoTime() - posted) / 1e6;
    }

    double max() {
        synchronized (delays) {
            return delays.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    double percentile(int percentile) {
        List<Double> sorted;
        synchronized (delays) {
            sorted = new ArrayList<>(delays);
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    int samples() {
        return delays.size();
    }
}
