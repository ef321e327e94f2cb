package dev.computestudio.ui.quota;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.QuotaService;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Quota screen: every limit of the selected workspace with its usage, and raising one, which
 * stands for the cloud's quota increase request.
 */
public final class QuotaViewModel {

    private static final Set<String> REGIONAL = Set.of(QuotaKeys.CLUSTERS, QuotaKeys.TOTAL_DEDICATED_VCPUS,
            QuotaKeys.LOW_PRIORITY_VCPUS, QuotaKeys.NODES_PER_CLUSTER);

    private final QuotaService quota;
    private final ObservableValue<String> workspace;
    private final UiThreads threads;

    // Properties
    private final ObservableList<QuotaRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<QuotaRow> selected = new SimpleObjectProperty<>();
    private final StringProperty newLimit = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding requestDisabled;

    public QuotaViewModel(QuotaService quota, ObservableValue<String> workspace, UiThreads threads) {
        this.quota = Objects.requireNonNull(quota, "quota");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.threads = Objects.requireNonNull(threads, "threads");
        requestDisabled = Bindings.createBooleanBinding(() -> selected.get() == null || parsedLimit() == null
                || parsedLimit() == selected.get().limit(), selected, newLimit);
        selected.addListener((observable, old, now) -> {
            if (now != null && (old == null || !old.key().equals(now.key()))) {
                newLimit.set(Long.toString(now.limit()));
            }
        });
        workspace.addListener((observable, old, now) -> threads.background().execute(this::refresh));
    }

    // Commands

    /** Reads the usage again; call it off the FX thread. */
    public void refresh() {
        String name = workspace.getValue();
        if (name == null) {
            threads.fx().execute(rows::clear);
            return;
        }
        try {
            List<QuotaRow> fresh = quota.usage(name).stream()
                    .map(usage -> QuotaRow.of(usage, REGIONAL.contains(usage.key()))).toList();
            threads.fx().execute(() -> apply(fresh));
        } catch (NotFoundException e) {
            threads.fx().execute(rows::clear);
        }
    }

    /** Sets the selected quota to the new limit: the local stand-in for a support request. */
    public void requestLimit() {
        QuotaRow row = selected.get();
        Long limit = parsedLimit();
        String name = workspace.getValue();
        if (row == null || limit == null || name == null) {
            return;
        }
        error.set("");
        threads.background().execute(() -> {
            try {
                quota.setLimit(name, row.key(), Math.toIntExact(limit));
                threads.fx().execute(() -> message.set(row.name() + ": " + row.limit() + " -> " + limit));
                refresh();
            } catch (ValidationException | ConflictException | NotFoundException | ArithmeticException e) {
                threads.fx().execute(() -> error.set(e instanceof ValidationException invalid
                        ? invalid.problems().get(0).message() : e.getMessage()));
            }
        });
    }

    // Properties outward

    public ObservableList<QuotaRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<QuotaRow> selectedProperty() {
        return selected;
    }

    public StringProperty newLimitProperty() {
        return newLimit;
    }

    public BooleanBinding requestDisabledProperty() {
        return requestDisabled;
    }

    /** What the last request changed, e.g. "Standard NC Family Cluster Dedicated vCPUs: 0 -> 12". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the new limit is not accepted: not a whole number from 0 up, or the service said no. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The new limit, or null while it is not a whole number from 0 to the largest int. */
    Long parsedLimit() {
        try {
            long value = Long.parseLong(newLimit.get().trim());
            return value >= 0 && value <= Integer.MAX_VALUE ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Replaces rows only where they changed, so the table keeps its selection and scroll position. */
    private void apply(List<QuotaRow> fresh) {
        if (rows.size() != fresh.size()) {
            rows.setAll(fresh);
        } else {
            for (int i = 0; i < fresh.size(); i++) {
                if (!rows.get(i).equals(fresh.get(i))) {
                    rows.set(i, fresh.get(i));
                }
            }
        }
        QuotaRow current = selected.get();
        if (current != null) {
            fresh.stream().filter(row -> row.key().equals(current.key())).findFirst().ifPresent(selected::set);
        }
    }
}
