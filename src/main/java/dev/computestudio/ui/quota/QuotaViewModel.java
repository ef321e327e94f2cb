package dev.computestudio.ui.quota;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.service.QuotaService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
 * stands for the cloud's quota increase request. Quotas are named in the user's language.
 */
public final class QuotaViewModel {

    private static final Set<String> REGIONAL = Set.of(QuotaKeys.CLUSTERS, QuotaKeys.TOTAL_DEDICATED_VCPUS,
            QuotaKeys.LOW_PRIORITY_VCPUS, QuotaKeys.NODES_PER_CLUSTER);
    private static final String FAMILY_PREFIX = "standard";
    private static final String FAMILY_SUFFIX = "Family";

    private final QuotaService quota;
    private final ObservableValue<String> workspace;
    private final ServiceCalls calls;
    private final Messages messages;

    // Properties
    private final ObservableList<QuotaRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<QuotaRow> selected = new SimpleObjectProperty<>();
    private final StringProperty newLimit = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> done = new ReadOnlyObjectWrapper<>();
    private final FieldProblems problems;
    private final StringBinding message;
    private final StringBinding error;
    private final StringBinding requestLabel;
    private final BooleanBinding requestDisabled;

    public QuotaViewModel(QuotaService quota, ObservableValue<String> workspace, UiThreads threads, Messages messages) {
        this.quota = Objects.requireNonNull(quota, "quota");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
        this.messages = Objects.requireNonNull(messages, "messages");
        problems = new FieldProblems(messages, field -> null);
        error = problems.general();
        message = Bindings.createStringBinding(() -> done.get() == null ? "" : messages.format(done.get()), done,
                messages.bundleProperty());
        requestLabel = Bindings.createStringBinding(() -> selected.get() == null
                        ? messages.get("quota.request.choose")
                        : messages.render("quota.request.for", messages.format(nameOf(selected.get().key()))),
                selected, messages.bundleProperty());
        requestDisabled = Bindings.createBooleanBinding(() -> selected.get() == null || parsedLimit() == null
                || parsedLimit() == selected.get().limit(), selected, newLimit);
        selected.addListener((observable, old, now) -> {
            if (now != null && (old == null || !old.key().equals(now.key()))) {
                newLimit.set(Long.toString(now.limit()));
            }
        });
        workspace.addListener((observable, old, now) -> refresh());
    }

    // Commands

    /** Reads the usage again, in the background. */
    public void refresh() {
        String name = workspace.getValue();
        if (name == null) {
            calls.fx(rows::clear);
            return;
        }
        calls.call(() -> quota.usage(name).stream()
                .map(usage -> QuotaRow.of(usage, REGIONAL.contains(usage.key()))).toList(), this::apply, refusal -> {
                    // The workspace is gone: nothing to show. Anything else: keep what is shown, the next refresh tries again.
                    if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                        rows.clear();
                    }
                });
    }

    /** Sets the selected quota to the new limit: the local stand-in for a support request. */
    public void requestLimit() {
        QuotaRow row = selected.get();
        Long limit = parsedLimit();
        String name = workspace.getValue();
        if (row == null || limit == null || name == null) {
            return;
        }
        problems.clear();
        int newValue = Math.toIntExact(limit);
        calls.call(() -> {
            quota.setLimit(name, row.key(), newValue);
            return newValue;
        }, set -> {
            done.set(Message.of("quota.request.done", nameOf(row.key()), String.valueOf(row.limit()),
                    String.valueOf(set)));
            refresh();
        }, problems::show);
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

    /** A quota's name in the user's words, e.g. "Standard DSv2 Family Cluster Dedicated vCPUs". */
    public StringBinding name(QuotaRow row) {
        return messages.text(nameOf(row.key()));
    }

    /**
     * What is used of the limit, e.g. "8 / 24 vCPUs", and that the quota is used up when it is, or
     * that there is none (0 / 0).
     */
    public StringBinding usage(QuotaRow row) {
        String key = row.noQuota() ? "quota.usage.none" : row.exhausted() ? "quota.usage.full" : "quota.usage";
        return messages.text(Message.of(key, String.valueOf(row.used()),
                String.valueOf(row.limit()), unitOf(row.unit())));
    }

    /** What the request form is about: the selected quota, or that one is to be chosen. */
    public StringBinding requestLabelProperty() {
        return requestLabel;
    }

    /** What the last request changed, e.g. "Standard NC Family Cluster Dedicated vCPUs: 0 -> 12". */
    public StringBinding messageProperty() {
        return message;
    }

    /** Why the service did not accept the new limit; null when it did. */
    public StringBinding errorProperty() {
        return error;
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

    // Internals

    /** The usage name the cloud lists for a quota key, by code. */
    private static Message nameOf(String key) {
        return switch (key) {
            case QuotaKeys.TOTAL_DEDICATED_VCPUS -> Message.of("quota.name.totalDedicatedVCpus");
            case QuotaKeys.LOW_PRIORITY_VCPUS -> Message.of("quota.name.lowPriorityVCpus");
            case QuotaKeys.CLUSTERS -> Message.of("quota.name.clusters");
            case QuotaKeys.NODES_PER_CLUSTER -> Message.of("quota.name.nodesPerCluster");
            default -> Message.of("quota.name.family", familyCore(key));
        };
    }

    /** standardDSv2Family -> DSv2: the part of a VM family's name that is the same in every language. */
    private static String familyCore(String family) {
        String core = family.startsWith(FAMILY_PREFIX) ? family.substring(FAMILY_PREFIX.length()) : family;
        return core.endsWith(FAMILY_SUFFIX) ? core.substring(0, core.length() - FAMILY_SUFFIX.length()) : core;
    }

    private static Message unitOf(String unit) {
        return "Count".equals(unit) ? Message.of("quota.unit.count") : Message.of("quota.unit.vCpus");
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
