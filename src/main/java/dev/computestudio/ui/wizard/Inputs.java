package dev.computestudio.ui.wizard;

import javafx.beans.value.ObservableValue;

/** Wiring of the wizard's own inputs, which live exactly as long as the wizard. */
final class Inputs {

    private Inputs() {
    }

    /** Runs {@code action} after every change of any of the inputs. */
    static void onChange(Runnable action, ObservableValue<?>... inputs) {
        for (ObservableValue<?> input : inputs) {
            input.addListener((observable, old, now) -> action.run());
        }
    }
}
