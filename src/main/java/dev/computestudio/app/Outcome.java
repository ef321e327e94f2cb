package dev.computestudio.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The result of work done on another thread, with its failure rethrown as that thread threw it. */
final class Outcome {

    private Outcome() {
    }

    /** Waits for {@code work}; its exception comes out unwrapped, so the command line reports it as usual. */
    static <T> T of(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
