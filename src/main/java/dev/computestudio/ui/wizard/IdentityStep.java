package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The identity step: no managed identity, a system-assigned one made with the cluster, or
 * user-assigned identities given by resource id, one per line.
 */
public final class IdentityStep {

    private static final String EXAMPLE_NAME = "my-identity";

    // Properties
    private final ObjectProperty<IdentityType> identityType = new SimpleObjectProperty<>(IdentityType.NONE);
    private final StringProperty userAssignedIds = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper exampleIdentityId = new ReadOnlyStringWrapper("");

    /** Makes the example id one of this workspace's shape. */
    void show(Workspace workspace) {
        exampleIdentityId.set(UserAssignedIdentity.resourceIdFor(workspace, EXAMPLE_NAME));
    }

    /** The identity chosen; blank lines and the spaces around an id do not count. */
    ClusterIdentity identity() {
        return switch (identityType.get()) {
            case NONE -> ClusterIdentity.NONE;
            case SYSTEM_ASSIGNED -> ClusterIdentity.SYSTEM_ASSIGNED;
            case USER_ASSIGNED -> ClusterIdentity.userAssigned(userAssignedIds.get().lines().map(String::trim)
                    .filter(line -> !line.isEmpty()).toList());
        };
    }

    // Read-only views and inputs

    public ObjectProperty<IdentityType> identityTypeProperty() {
        return identityType;
    }

    /** User-assigned identity resource ids, one per line. */
    public StringProperty userAssignedIdsProperty() {
        return userAssignedIds;
    }

    /** A user-assigned identity id of the right shape for this workspace, to show as an example. */
    public ReadOnlyStringProperty exampleIdentityIdProperty() {
        return exampleIdentityId.getReadOnlyProperty();
    }
}
