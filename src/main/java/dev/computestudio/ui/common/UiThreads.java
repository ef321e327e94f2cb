package dev.computestudio.ui.common;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where view-model work runs: storage and services on {@code background}, property changes on
 * {@code fx} ({@code Platform::runLater} live, a direct executor in tests).
 */
public record UiThreads(Executor background, Executor fx) {

    public UiThreads {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(fx, "fx");
    }

    /** Same-thread executors, for view-model tests without a toolkit. */
    public static UiThreads direct() {
        return new UiThreads(Runnable::run, Runnable::run);
    }
}
