package dev.computestudio.ui.identity;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.ManagedIdentity;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Identity panel: the workspace's user-assigned identities (create, delete), each cluster's
 * identity (change it), and "try it": a token asked for as a job on a cluster would, shown
 * decoded with its signature checked.
 */
public final class IdentityViewModel {

    private static final Set<String> TIMES = Set.of("iat", "nbf", "exp");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IdentityService identityService;
    private final ComputeService compute;
    private final ObservableValue<String> workspace;
    private final UiThreads threads;

    // Properties: identities
    private final ObservableList<IdentityRow> identities = FXCollections.observableArrayList();
    private final ObjectProperty<IdentityRow> selectedIdentity = new SimpleObjectProperty<>();
    private final StringProperty newIdentityName = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding createDisabled;
    private final BooleanBinding deleteDisabled;

    // Properties: clusters and the editor of the selected one
    private final ObservableList<ClusterRow> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterRow> selectedCluster = new SimpleObjectProperty<>();
    private final ObjectProperty<IdentityType> editType = new SimpleObjectProperty<>(IdentityType.NONE);
    private final ObservableList<IdentityChoice> choices =
            FXCollections.observableArrayList(choice -> new Observable[] {choice.chosenProperty()});
    private final BooleanBinding choicesDisabled;
    private final BooleanBinding applyDisabled;

    // Properties: try it
    private final ObservableList<String> clusterNames = FXCollections.observableArrayList();
    private final ObjectProperty<String> tryCluster = new SimpleObjectProperty<>();
    private final ObservableList<TokenIdentity> tokenIdentities =
            FXCollections.observableArrayList(List.of(TokenIdentity.DEFAULT));
    private final ObjectProperty<TokenIdentity> tokenIdentity = new SimpleObjectProperty<>(TokenIdentity.DEFAULT);
    private final StringProperty audience = new SimpleStringProperty(IdentityService.DEFAULT_RESOURCE);
    private final ReadOnlyBooleanWrapper requesting = new ReadOnlyBooleanWrapper();
    private final BooleanBinding requestDisabled;
    private final ReadOnlyObjectWrapper<IssuedToken> token = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ClaimRow> claims = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> tokenError = new ReadOnlyObjectWrapper<>();

    // Properties: feedback
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    public IdentityViewModel(IdentityService identityService, ComputeService compute, ObservableValue<String> workspace,
                             UiThreads threads) {
        this.identityService = Objects.requireNonNull(identityService, "identityService");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.threads = Objects.requireNonNull(threads, "threads");
        createDisabled = Bindings.createBooleanBinding(() -> busy.get() || workspace.getValue() == null
                || newIdentityName.get() == null || newIdentityName.get().isBlank()
                || nameProblem(newIdentityName.get()) != null, busy, newIdentityName, workspace);
        deleteDisabled = Bindings.createBooleanBinding(() -> busy.get() || selectedIdentity.get() == null,
                busy, selectedIdentity);
        choicesDisabled = editType.isNotEqualTo(IdentityType.USER_ASSIGNED);
        applyDisabled = Bindings.createBooleanBinding(() -> busy.get() || selectedCluster.get() == null
                || editedIdentity() == null || editedIdentity().equals(currentIdentity(selectedCluster.get())),
                busy, selectedCluster, editType, choices);
        requestDisabled = Bindings.createBooleanBinding(() -> requesting.get() || tryCluster.get() == null
                || audience.get() == null || audience.get().isBlank(), requesting, tryCluster, audience);
        selectedCluster.addListener((observable, old, now) -> {
            if (now != null && !now.equals(old)) {
                resetEditor(now);
            }
        });
        tryCluster.addListener((observable, old, now) -> {
            if (!Objects.equals(old, now)) {
                clearToken();
            }
        });
        workspace.addListener((observable, old, now) -> {
            clearToken();
            tryCluster.set(null);
            threads.background().execute(this::refresh);
        });
    }

    // Commands

    /** Reads identities and clusters again; call it off the FX thread. */
    public void refresh() {
        String name = workspace.getValue();
        if (name == null) {
            threads.fx().execute(() -> apply(List.of(), List.of()));
            return;
        }
        try {
            List<UserAssignedIdentity> found = identityService.list(name);
            List<IdentityService.ClusterIdentities> withIdentities = identityService.clusterIdentities(name);
            threads.fx().execute(() -> apply(found, withIdentities));
        } catch (NotFoundException e) {
            threads.fx().execute(() -> apply(List.of(), List.of()));
        }
    }

    /** {@link #refresh()} on the background executor: for a user's refresh key. */
    public void reload() {
        threads.background().execute(this::refresh);
    }

    public void createIdentity() {
        String name = newIdentityName.get() == null ? "" : newIdentityName.get().trim();
        String ws = workspace.getValue();
        if (name.isEmpty() || ws == null || busy.get()) {
            return;
        }
        run(() -> {
            identityService.create(ws, name);
            threads.fx().execute(() -> newIdentityName.set(""));
            return Notice.of("identity.created", name);
        });
    }

    public void deleteSelectedIdentity() {
        IdentityRow row = selectedIdentity.get();
        String ws = workspace.getValue();
        if (row == null || ws == null || busy.get()) {
            return;
        }
        run(() -> {
            identityService.delete(ws, row.name());
            threads.fx().execute(() -> selectedIdentity.set(null));
            return Notice.of("identity.deleted", row.name());
        });
    }

    /** Gives the selected cluster the identity the editor shows. */
    public void applyIdentity() {
        ClusterRow cluster = selectedCluster.get();
        ClusterIdentity identity = editedIdentity();
        String ws = workspace.getValue();
        if (cluster == null || identity == null || ws == null || busy.get()) {
            return;
        }
        run(() -> {
            compute.update(ws, cluster.name(), new ComputeService.Update(null, null, null, identity, false));
            return Notice.of("identity.cluster.applied", cluster.name());
        });
    }

    /** Asks for a token as a job on the chosen cluster would, and shows it decoded. */
    public void requestToken() {
        String cluster = tryCluster.get();
        String ws = workspace.getValue();
        if (cluster == null || ws == null || requesting.get()) {
            return;
        }
        String resource = audience.get();
        TokenIdentity asked = tokenIdentity.get() == null ? TokenIdentity.DEFAULT : tokenIdentity.get();
        requesting.set(true);
        tokenError.set(null);
        threads.background().execute(() -> {
            try {
                IssuedToken issued = identityService.requestToken(ws, cluster, resource, asked.clientId());
                List<ClaimRow> rows = rowsOf(issued);
                threads.fx().execute(() -> {
                    token.set(issued);
                    claims.setAll(rows);
                    requesting.set(false);
                });
            } catch (RuntimeException e) {
                String message = e instanceof ValidationException invalid
                        ? invalid.problems().get(0).field() + ": " + invalid.problems().get(0).message()
                        : e.getMessage();
                threads.fx().execute(() -> {
                    token.set(null);
                    claims.clear();
                    tokenError.set(message);
                    requesting.set(false);
                });
            }
        });
    }

    /** Why a name cannot be an identity's, in the cloud's rule; null when it can (or nothing is typed yet). */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return UserAssignedIdentity.checkName("name", name.trim()).stream().map(problem -> problem.message())
                .findFirst().orElse(null);
    }

    // Properties outward

    public ObservableList<IdentityRow> identities() {
        return FXCollections.unmodifiableObservableList(identities);
    }

    public ObjectProperty<IdentityRow> selectedIdentityProperty() {
        return selectedIdentity;
    }

    public StringProperty newIdentityNameProperty() {
        return newIdentityName;
    }

    public BooleanBinding createDisabledProperty() {
        return createDisabled;
    }

    public BooleanBinding deleteDisabledProperty() {
        return deleteDisabled;
    }

    /** A change is being saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableList<ClusterRow> clusters() {
        return FXCollections.unmodifiableObservableList(clusters);
    }

    public ObjectProperty<ClusterRow> selectedClusterProperty() {
        return selectedCluster;
    }

    /** The identity type the editor sets on the selected cluster. */
    public ObjectProperty<IdentityType> editTypeProperty() {
        return editType;
    }

    /** The workspace's user-assigned identities, ticked when the selected cluster should have them. */
    public ObservableList<IdentityChoice> choices() {
        return FXCollections.unmodifiableObservableList(choices);
    }

    public BooleanBinding choicesDisabledProperty() {
        return choicesDisabled;
    }

    /** Off while nothing changed, or user-assigned is chosen with no identity ticked. */
    public BooleanBinding applyDisabledProperty() {
        return applyDisabled;
    }

    public ObservableList<String> clusterNames() {
        return FXCollections.unmodifiableObservableList(clusterNames);
    }

    public ObjectProperty<String> tryClusterProperty() {
        return tryCluster;
    }

    public ObservableList<TokenIdentity> tokenIdentities() {
        return FXCollections.unmodifiableObservableList(tokenIdentities);
    }

    public ObjectProperty<TokenIdentity> tokenIdentityProperty() {
        return tokenIdentity;
    }

    public StringProperty audienceProperty() {
        return audience;
    }

    public BooleanBinding requestDisabledProperty() {
        return requestDisabled;
    }

    public ReadOnlyBooleanProperty requestingProperty() {
        return requesting.getReadOnlyProperty();
    }

    /** The last token got, decoded; null before the first and after a refusal. */
    public ReadOnlyObjectProperty<IssuedToken> tokenProperty() {
        return token.getReadOnlyProperty();
    }

    /** The decoded header and payload of the last token, in the token's order. */
    public ObservableList<ClaimRow> claims() {
        return FXCollections.unmodifiableObservableList(claims);
    }

    /** Why the last request got no token (the endpoint's refusal, in its words); null otherwise. */
    public ReadOnlyObjectProperty<String> tokenErrorProperty() {
        return tokenError.getReadOnlyProperty();
    }

    /** What the last change did, or why it was refused. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // Internals

    /** What a change command does in the background: returns what to tell the user. */
    @FunctionalInterface
    private interface Change {
        Notice run();
    }

    private void run(Change change) {
        busy.set(true);
        threads.background().execute(() -> {
            Notice result;
            try {
                result = change.run();
            } catch (ValidationException e) {
                result = Notice.failure(e.problems().stream().map(p -> p.message()).collect(Collectors.joining("; ")));
            } catch (RuntimeException e) {
                result = Notice.failure(e.getMessage());
            }
            Notice told = result;
            threads.fx().execute(() -> {
                notice.set(told);
                busy.set(false);
            });
            refresh();
        });
    }

    /** The identity the editor describes; null while it is not a complete one (user-assigned, none ticked). */
    ClusterIdentity editedIdentity() {
        IdentityType type = editType.get();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case NONE -> ClusterIdentity.NONE;
            case SYSTEM_ASSIGNED -> ClusterIdentity.SYSTEM_ASSIGNED;
            case USER_ASSIGNED -> {
                List<String> ids = choices.stream().filter(IdentityChoice::isChosen).map(IdentityChoice::resourceId)
                        .toList();
                yield ids.isEmpty() ? null : ClusterIdentity.userAssigned(ids);
            }
        };
    }

    private static ClusterIdentity currentIdentity(ClusterRow row) {
        return new ClusterIdentity(row.type(), row.resourceIds());
    }

    private void resetEditor(ClusterRow row) {
        editType.set(row.type());
        choices.forEach(choice -> choice.chosenProperty().set(row.resourceIds().contains(choice.resourceId())));
    }

    private void apply(List<UserAssignedIdentity> found, List<IdentityService.ClusterIdentities> withIdentities) {
        List<ClusterRow> clusterRows = withIdentities.stream().map(IdentityViewModel::rowOf).toList();
        List<IdentityRow> identityRows = found.stream().map(identity -> new IdentityRow(identity.name(),
                identity.resourceId(), identity.clientId(), identity.principalId(), clusterRows.stream()
                .filter(cluster -> cluster.resourceIds().contains(identity.resourceId()))
                .map(ClusterRow::name).toList())).toList();
        replaceByKey(identities, identityRows, IdentityRow::name);
        keepSelection(selectedIdentity, identities, IdentityRow::name);
        applyChoices(found);
        replaceByKey(clusters, clusterRows, ClusterRow::name);
        // An unchanged cluster keeps the user's pending edit; one changed elsewhere resets the editor.
        keepSelection(selectedCluster, clusters, ClusterRow::name);
        applyTryChoices(clusterRows, found);
    }

    private void applyChoices(List<UserAssignedIdentity> found) {
        List<String> ids = found.stream().map(UserAssignedIdentity::resourceId).toList();
        if (ids.equals(choices.stream().map(IdentityChoice::resourceId).toList())) {
            return;
        }
        Map<String, Boolean> ticked = choices.stream()
                .collect(Collectors.toMap(IdentityChoice::resourceId, IdentityChoice::isChosen, (a, b) -> a));
        ClusterRow cluster = selectedCluster.get();
        choices.setAll(found.stream().map(identity -> new IdentityChoice(identity.name(), identity.resourceId(),
                ticked.getOrDefault(identity.resourceId(),
                        cluster != null && cluster.resourceIds().contains(identity.resourceId())))).toList());
    }

    private void applyTryChoices(List<ClusterRow> clusterRows, List<UserAssignedIdentity> found) {
        List<String> names = clusterRows.stream().map(ClusterRow::name).toList();
        if (!names.equals(clusterNames)) {
            String chosen = tryCluster.get();
            clusterNames.setAll(names);
            tryCluster.set(chosen != null && names.contains(chosen) ? chosen : null);
        }
        if (tryCluster.get() == null) {
            // A cluster that has an identity shows a token at the first click.
            tryCluster.set(clusterRows.stream().filter(row -> row.type() != IdentityType.NONE).map(ClusterRow::name)
                    .findFirst().orElse(names.isEmpty() ? null : names.get(0)));
        }
        List<TokenIdentity> options = new ArrayList<>();
        options.add(TokenIdentity.DEFAULT);
        found.forEach(identity -> options.add(new TokenIdentity(identity.name(), identity.clientId())));
        clusterRows.stream().filter(row -> row.systemClientId() != null)
                .forEach(row -> options.add(new TokenIdentity(row.name(), row.systemClientId())));
        if (!options.equals(tokenIdentities)) {
            TokenIdentity chosen = tokenIdentity.get();
            tokenIdentities.setAll(options);
            tokenIdentity.set(options.contains(chosen) ? chosen : TokenIdentity.DEFAULT);
        }
    }

    private static ClusterRow rowOf(IdentityService.ClusterIdentities entry) {
        var cluster = entry.cluster();
        var system = cluster.systemIdentity();
        IdentityType type = cluster.spec().identity().type();
        List<String> names = type == IdentityType.USER_ASSIGNED
                ? entry.identities().stream().map(ManagedIdentity::name).toList() : List.of();
        return new ClusterRow(cluster.name(), type, names, cluster.spec().identity().userAssignedIdentityIds(),
                type == IdentityType.SYSTEM_ASSIGNED && system != null ? system.clientId() : null,
                type == IdentityType.SYSTEM_ASSIGNED && system != null ? system.principalId() : null);
    }

    /** Header then payload, in the token's order. */
    static List<ClaimRow> rowsOf(IssuedToken issued) {
        List<ClaimRow> rows = new ArrayList<>();
        issued.header().forEach((name, value) -> rows.add(new ClaimRow(ClaimRow.Part.HEADER, name, text(name, value))));
        issued.claims().forEach((name, value) -> rows.add(new ClaimRow(ClaimRow.Part.PAYLOAD, name, text(name, value))));
        return rows;
    }

    private static String text(String name, Object value) {
        if (TIMES.contains(name) && value instanceof Number seconds) {
            return seconds + "  (" + UTC.format(Instant.ofEpochSecond(seconds.longValue())) + ")";
        }
        return String.valueOf(value);
    }

    private void clearToken() {
        token.set(null);
        claims.clear();
        tokenError.set(null);
    }

    /** Updates rows in place by key, so tables keep their selection and scroll position. */
    private static <T> void replaceByKey(ObservableList<T> rows, List<T> fresh, Function<T, String> key) {
        List<String> before = rows.stream().map(key).toList();
        List<String> after = fresh.stream().map(key).toList();
        if (!before.equals(after)) {
            rows.setAll(fresh);
            return;
        }
        for (int i = 0; i < fresh.size(); i++) {
            if (!rows.get(i).equals(fresh.get(i))) {
                rows.set(i, fresh.get(i));
            }
        }
    }

    private static <T> void keepSelection(ObjectProperty<T> selected, List<T> rows, Function<T, String> key) {
        T current = selected.get();
        if (current != null) {
            selected.set(rows.stream().filter(row -> key.apply(row).equals(key.apply(current))).findFirst()
                    .orElse(null));
        }
    }
}
