package dev.computestudio.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way a view model calls a service: the call runs on the background executor, exactly one
 * answer comes back on the FX thread, and a failure arrives as a {@link Refusal}: the user's own
 * refusals as they are, anything else logged with its stack trace first. No view model unwraps an
 * exception or hops between threads itself.
 */
public final class ServiceCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCalls.class);

    private final UiThreads threads;

    public ServiceCalls(UiThreads threads) {
        this.threads = threads;
    }

    /** A change the user asked for: its outcome, or why it was refused, comes back on the FX thread. */
    public <T> void call(Supplier<T> work, Consumer<? super T> onResult, Consumer<Refusal> onRefusal) {
        background(() -> callNow(work, onResult, onRefusal));
    }

    /** {@link #call} on the calling thread, for refreshes that a scheduler already runs off the FX thread. */
    public <T> void callNow(Supplier<T> work, Consumer<? super T> onResult, Consumer<Refusal> onRefusal) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            Refusal refusal = refusalOf(e);
            fx(() -> onRefusal.accept(refusal));
            return;
        }
        fx(() -> onResult.accept(result));
    }

    /** Like {@link #call} for a service that answers with a future. */
    public <T> void callAsync(Supplier<CompletableFuture<T>> work, Consumer<? super T> onResult,
                              Consumer<Refusal> onRefusal) {
        background(() -> {
            CompletableFuture<T> answer;
            try {
                answer = work.get();
            } catch (RuntimeException e) {
                Refusal refusal = refusalOf(e);
                fx(() -> onRefusal.accept(refusal));
                return;
            }
            answer.whenComplete((result, failure) -> {
                if (failure == null) {
                    fx(() -> onResult.accept(result));
                } else {
                    Refusal refusal = refusalOf(failure);
                    fx(() -> onRefusal.accept(refusal));
                }
            });
        });
    }

    /**
     * A read the screen refreshes on its own: its result comes back on the FX thread; a failure is
     * logged and the screen keeps what it shows, since the next refresh tries again.
     */
    public <T> void read(Supplier<T> work, Consumer<? super T> onResult) {
        background(() -> readNow(work, onResult));
    }

    /** {@link #read} on the calling thread, for refreshes that a scheduler already runs off the FX thread. */
    public <T> void readNow(Supplier<T> work, Consumer<? super T> onResult) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            LOG.warn("A refresh could not read what it shows", e);
            return;
        }
        fx(() -> onResult.accept(result));
    }

    /** Runs on the FX thread; dropped once the studio is closing. */
    public void fx(Runnable change) {
        try {
            threads.fx().execute(change);
        } catch (RejectedExecutionException closing) {
            LOG.debug("A screen change after the studio closed was dropped");
        }
    }

    private void background(Runnable work) {
        try {
            threads.background().execute(work);
        } catch (RejectedExecutionException closing) {
            LOG.debug("A service call after the studio closed was dropped");
        }
    }

    private static Refusal refusalOf(Throwable failure) {
        return Refusal.expected(failure).orElseGet(() -> {
            LOG.warn("A service call failed", Refusal.unwrap(failure));
            return Refusal.failed(failure);
        });
    }
}
