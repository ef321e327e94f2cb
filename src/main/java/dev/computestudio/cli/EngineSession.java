package dev.computestudio.cli;

import dev.computestudio.engine.Engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Lets a command wait for work the engine does. It starts this process's engine: when another
 * process holds the lease (the studio, {@code serve}) ours only waits, and takes over if that
 * process dies; when nobody holds it, ours runs the work itself and gives the lease back at the end.
 */
final class EngineSession implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Engine engine;

    EngineSession(Engine engine) {
        this.engine = engine;
        engine.start();
    }

    /** Waits until {@code done} holds; false when the deadline passed first. */
    boolean awaitUntil(BooleanSupplier done, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
    }
}
