package dev.computestudio.ui.jobs;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

/**
 * The line that says how the user's last action went: what happened, told once, or why the service
 * refused it, which follows the language while it is shown.
 */
final class ActionOutcome {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper();

    void report(String happened) {
        text.unbind();
        text.set(happened);
        refused.set(false);
    }

    void refuse(ObservableStringValue why) {
        text.bind(why);
        refused.set(true);
    }

    void clear() {
        report("");
    }

    /** Empty when there is nothing to say. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }
}
