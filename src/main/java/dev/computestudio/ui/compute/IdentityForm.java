package dev.computestudio.ui.compute;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.ComputeCluster;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.service.ComputeService;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.ServiceForm;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The "Add identity" dialog's state: no identity, a system-assigned one, or user-assigned
 * identities given by resource id, one per line.
 */
public final class IdentityForm extends ServiceForm {

    static final String IDS = "ids";

    private final ComputeService compute;
    private final String workspace;
    private final String cluster;
    private final Consumer<ComputeCluster> onSaved;

    // Properties
    private final ObjectProperty<IdentityType> type = new SimpleObjectProperty<>(this, "type");
    private final StringProperty ids = new SimpleStringProperty(this, "ids", "");
    private final BooleanBinding idsDisabled = type.isNotEqualTo(IdentityType.USER_ASSIGNED);
    private final StringBinding idsError;
    private final BooleanBinding saveDisabled;

    IdentityForm(ComputeService compute, UiThreads threads, Messages messages, String workspace,
                 ComputeCluster current, Consumer<ComputeCluster> onSaved) {
        super(threads, messages);
        this.compute = compute;
        this.workspace = workspace;
        this.cluster = current.name();
        this.onSaved = onSaved;
        type.set(current.spec().identity().type());
        ids.set(String.join("\n", current.spec().identity().userAssignedIdentityIds()));
        idsError = Bindings.createStringBinding(() -> {
            String local = checkIds();
            return local != null ? local : serviceError(IDS).get();
        }, type, ids, serviceError(IDS), messages.bundleProperty());
        saveDisabled = idsError.isNotNull().or(type.isNull()).or(savingProperty());
        clearServiceAnswerOnChange(type, ids);
    }

    // Commands

    public void save() {
        if (saveDisabled.get()) {
            return;
        }
        ClusterIdentity identity = switch (type.get()) {
            case NONE -> ClusterIdentity.NONE;
            case SYSTEM_ASSIGNED -> ClusterIdentity.SYSTEM_ASSIGNED;
            case USER_ASSIGNED -> ClusterIdentity.userAssigned(lines());
        };
        submit(() -> compute.update(workspace, cluster, new ComputeService.Update(null, null, null, identity, false)),
                onSaved);
    }

    @Override
    protected String formFieldOf(String serviceField) {
        return serviceField.startsWith("identity") ? IDS : null;
    }

    private String checkIds() {
        if (type.get() != IdentityType.USER_ASSIGNED) {
            return null;
        }
        List<String> lines = lines();
        if (lines.isEmpty()) {
            return messages.get("compute.identity.error.required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!ClusterIdentity.isUserAssignedIdentityId(lines.get(i))) {
                return messages.render("compute.identity.error.format", i + 1);
            }
            if (!seen.add(lines.get(i))) {
                return messages.render("compute.identity.error.duplicate", i + 1);
            }
        }
        return null;
    }

    private List<String> lines() {
        String text = ids.get() == null ? "" : ids.get();
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    // Properties

    public String clusterName() {
        return cluster;
    }

    public ObjectProperty<IdentityType> typeProperty() {
        return type;
    }

    /** User-assigned identity resource ids, one per line. */
    public StringProperty idsProperty() {
        return ids;
    }

    public BooleanBinding idsDisabledProperty() {
        return idsDisabled;
    }

    public StringBinding idsErrorProperty() {
        return idsError;
    }

    public BooleanBinding saveDisabledProperty() {
        return saveDisabled;
    }
}
