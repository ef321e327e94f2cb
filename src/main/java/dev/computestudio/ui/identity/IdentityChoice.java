package dev.computestudio.ui.identity;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A user-assigned identity of the workspace in the cluster editor, ticked when the cluster should have it. */
public final class IdentityChoice {

    private final String name;
    private final String resourceId;
    private final BooleanProperty chosen = new SimpleBooleanProperty();

    IdentityChoice(String name, String resourceId, boolean chosen) {
        this.name = name;
        this.resourceId = resourceId;
        this.chosen.set(chosen);
    }

    public String name() {
        return name;
    }

    public String resourceId() {
        return resourceId;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    public boolean isChosen() {
        return chosen.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
