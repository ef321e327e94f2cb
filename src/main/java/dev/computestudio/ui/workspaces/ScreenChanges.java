package dev.computestudio.ui.workspaces;

import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The changes the workspaces screen's commands make, called through {@link ServiceCalls}: the
 * screen is busy while one runs, and a read that started before a change finished is dropped
 * instead of undoing that change on the screen for a second.
 */
final class ScreenChanges {

    private final ServiceCalls calls;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private int running;
    // Counted on the FX thread at the start and at the end of each change; read by refreshes off it.
    private volatile long counted;

    ScreenChanges(UiThreads threads) {
        this.calls = new ServiceCalls(threads);
    }

    /** Calls the service to change something; exactly one of the callbacks runs, on the FX thread. */
    <T> void make(Supplier<T> change, Consumer<? super T> onDone, Consumer<Refusal> onRefusal) {
        count(1);
        calls.call(change, result -> {
            count(-1);
            onDone.accept(result);
        }, refusal -> {
            count(-1);
            onRefusal.accept(refusal);
        });
    }

    /** Reads in the background and shows the result unless a change finished meanwhile. */
    <T> void read(Supplier<T> work, Consumer<? super T> show) {
        long seen = counted;
        calls.read(work, result -> showIfCurrent(seen, result, show));
    }

    /** {@link #read} on the calling thread, for the refresh the shell runs off the FX thread. */
    <T> void readNow(Supplier<T> work, Consumer<? super T> show) {
        long seen = counted;
        calls.readNow(work, result -> showIfCurrent(seen, result, show));
    }

    /** A change is running. */
    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void count(int started) {
        counted++;
        running += started;
        busy.set(running > 0);
    }

    private <T> void showIfCurrent(long seen, T result, Consumer<? super T> show) {
        if (seen == counted) {
            show.accept(result);
        }
    }
}
