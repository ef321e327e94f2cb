package dev.computestudio.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Binding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;

/**
 * What a screen listens to on observables that outlive it (the language, app-wide state), kept so
 * that it lets go of all of them at once when it closes: until then a closed screen would still be
 * reachable from the app and still react to every change.
 */
public final class Subscriptions implements AutoCloseable {

    private final List<Runnable> removals = new ArrayList<>();

    public void add(Observable observable, InvalidationListener listener) {
        observable.addListener(listener);
        removals.add(() -> observable.removeListener(listener));
    }

    public <T> void add(ObservableValue<T> observable, ChangeListener<? super T> listener) {
        observable.addListener(listener);
        removals.add(() -> observable.removeListener(listener));
    }

    /** A binding over longer-lived observables, disposed (unbound from them) on close; returns it. */
    public <B extends Binding<?>> B add(B binding) {
        removals.add(binding::dispose);
        return binding;
    }

    /** Removes every listener and disposes every binding added so far. */
    @Override
    public void close() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
