package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The selected workspace's facts and ids as the details pane shows them, and the notice that an id
 * was copied. Every fact is empty while nothing is selected.
 */
public final class WorkspaceDetails {

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Messages messages;

    // Properties
    private final StringBinding name;
    private final StringBinding location;
    private final StringBinding subscriptionId;
    private final StringBinding resourceGroup;
    private final StringBinding resourceId;
    private final StringBinding created;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();

    WorkspaceDetails(ObservableValue<Workspace> selected, ObservableValue<String> selectedName, Messages messages) {
        this.messages = messages;
        name = fact(selected, Workspace::name);
        location = fact(selected, Workspace::location);
        subscriptionId = fact(selected, Workspace::subscriptionId);
        resourceGroup = fact(selected, Workspace::resourceGroup);
        resourceId = fact(selected, Workspace::resourceId);
        // In this machine's time zone, to the minute.
        created = fact(selected, workspace -> CREATED.format(workspace.createdAt()));
        selectedName.addListener((observable, old, now) -> notice.set(null));
    }

    private static StringBinding fact(ObservableValue<Workspace> selected, Function<Workspace, String> value) {
        return Bindings.createStringBinding(
                () -> selected.getValue() == null ? "" : value.apply(selected.getValue()), selected);
    }

    // Commands

    /** The view copied the subscription id to the clipboard. */
    public void subscriptionIdCopied() {
        notice.set(messages.get("workspaces.copied.subscriptionId"));
    }

    /** The view copied the resource id to the clipboard. */
    public void resourceIdCopied() {
        notice.set(messages.get("workspaces.copied.resourceId"));
    }

    // Read-only views

    public StringBinding nameProperty() {
        return name;
    }

    public StringBinding locationProperty() {
        return location;
    }

    public StringBinding subscriptionIdProperty() {
        return subscriptionId;
    }

    public StringBinding resourceGroupProperty() {
        return resourceGroup;
    }

    public StringBinding resourceIdProperty() {
        return resourceId;
    }

    public StringBinding createdProperty() {
        return created;
    }

    /** A short confirmation, e.g. that an id was copied; null when none. Cleared when another workspace is selected. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
