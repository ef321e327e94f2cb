package dev.computestudio.app;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The studio's {@link AppContext} (database, migrations, node runner, engine), opened on a thread
 * of its own while the JavaFX toolkit starts on the launching one: each takes a good part of a
 * second, and the window then waits only for the slower of the two.
 */
final class ContextOpening implements AutoCloseable {

    private final CompletableFuture<AppContext> context;

    private ContextOpening(CompletableFuture<AppContext> context) {
        this.context = context;
    }

    /** Starts {@code open} at once; it must close what it opened when it fails half way. */
    static ContextOpening start(Supplier<AppContext> open) {
        return new ContextOpening(CompletableFuture.supplyAsync(open, task -> {
            Thread thread = new Thread(task, "studio-open");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Waits for the context; a failure to open comes out as {@code open} threw it. */
    AppContext await() {
        return Outcome.of(context);
    }

    /** Waits for the opening to end and closes the context when there is one. */
    @Override
    public void close() {
        AppContext opened = context.handle((result, failure) -> result).join();
        if (opened != null) {
            opened.close();
        }
    }
}
