package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.Workspace;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.stream.Stream;

/**
 * The identity step: no managed identity, a system-assigned one made with the cluster, or
 * user-assigned identities: picked among the workspace's own, and any other given by resource id
 * (pasted), one per line.
 */
public final class IdentityStep {

    private static final String EXAMPLE_NAME = "my-identity";

    /** One of the workspace's user-assigned identities, picked or not. */
    public static final class Choice {

        private final UserAssignedIdentity identity;
        private final BooleanProperty picked = new SimpleBooleanProperty();

        Choice(UserAssignedIdentity identity) {
            this.identity = identity;
        }

        public String name() {
            return identity.name();
        }

        public String clientId() {
            return identity.clientId();
        }

        public String resourceId() {
            return identity.resourceId();
        }

        public BooleanProperty pickedProperty() {
            return picked;
        }

        public boolean picked() {
            return picked.get();
        }
    }

    // Properties
    private final ObjectProperty<IdentityType> identityType = new SimpleObjectProperty<>(IdentityType.NONE);
    private final StringProperty userAssignedIds = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper exampleIdentityId = new ReadOnlyStringWrapper("");
    // A choice's picked property is observed through the list, so picking one counts as a change of the list.
    private final ObservableList<Choice> workspaceIdentities = FXCollections.observableArrayList(
            choice -> new ObservableValue<?>[] {choice.pickedProperty()});
    private final ObservableList<Choice> workspaceIdentitiesView =
            FXCollections.unmodifiableObservableList(workspaceIdentities);

    /** Makes the example id one of this workspace's shape and offers its user-assigned identities. */
    void show(Workspace workspace, List<UserAssignedIdentity> identities) {
        exampleIdentityId.set(UserAssignedIdentity.resourceIdFor(workspace, EXAMPLE_NAME));
        workspaceIdentities.setAll(identities.stream().map(Choice::new).toList());
    }

    /** Picks one of the workspace's identities by name; false when it has none of that name. */
    public boolean pick(String name) {
        return workspaceIdentities.stream().filter(choice -> choice.name().equals(name)).findFirst()
                .map(choice -> {
                    choice.pickedProperty().set(true);
                    return true;
                }).orElse(false);
    }

    /** The identity chosen: the picked identities, then the pasted ids; blank lines and spaces around an id do not count. */
    ClusterIdentity identity() {
        return switch (identityType.get()) {
            case NONE -> ClusterIdentity.NONE;
            case SYSTEM_ASSIGNED -> ClusterIdentity.SYSTEM_ASSIGNED;
            case USER_ASSIGNED -> ClusterIdentity.userAssigned(Stream.concat(
                    workspaceIdentities.stream().filter(Choice::picked).map(Choice::resourceId),
                    userAssignedIds.get().lines().map(String::trim).filter(line -> !line.isEmpty())).toList());
        };
    }

    // Read-only views and inputs

    public ObjectProperty<IdentityType> identityTypeProperty() {
        return identityType;
    }

    /** Other user-assigned identity resource ids, pasted, one per line. */
    public StringProperty userAssignedIdsProperty() {
        return userAssignedIds;
    }

    /** The workspace's user-assigned identities to pick from; a change of what is picked is a change of the list. */
    public ObservableList<Choice> workspaceIdentities() {
        return workspaceIdentitiesView;
    }

    /** A user-assigned identity id of the right shape for this workspace, to show as an example. */
    public ReadOnlyStringProperty exampleIdentityIdProperty() {
        return exampleIdentityId.getReadOnlyProperty();
    }
}
