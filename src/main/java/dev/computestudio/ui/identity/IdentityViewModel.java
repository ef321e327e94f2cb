package dev.computestudio.ui.identity;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.IssuedToken;
import dev.computestudio.domain.ManagedIdentity;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.UserAssignedIdentity;
import dev.computestudio.service.ComputeService;
import dev.computestudio.service.IdentityService;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Messages;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.Rows;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Identity panel: the workspace's user-assigned identities (create, delete), each cluster's
 * identity (change it), and "try it": a token asked for as a job on a cluster would, shown
 * decoded with its signature checked. Every text it shows follows the language.
 */
public final class IdentityViewModel {

    private static final Set<String> TIMES = Set.of("iat", "nbf", "exp");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String NONE = "—";

    private final IdentityService identityService;
    private final ComputeService compute;
    private final ObservableValue<String> workspace;
    private final ServiceCalls calls;
    private final Messages messages;
    private final Clock clock;

    // Properties: identities
    private final ObservableList<IdentityRow> identities = FXCollections.observableArrayList();
    private final ObjectProperty<IdentityRow> selectedIdentity = new SimpleObjectProperty<>();
    private final StringProperty newIdentityName = new SimpleStringProperty("");
    private final StringBinding nameProblem;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding createDisabled;
    private final BooleanBinding deleteDisabled;

    // Properties: clusters and the editor of the selected one
    private final ObservableList<ClusterRow> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterRow> selectedCluster = new SimpleObjectProperty<>();
    /** A name asked for before a read listed it; selected when one does. */
    private String revealedIdentity;
    private String revealedCluster;
    private final ObjectProperty<IdentityType> editType = new SimpleObjectProperty<>(IdentityType.NONE);
    private final ObservableList<IdentityChoice> choices =
            FXCollections.observableArrayList(choice -> new Observable[] {choice.chosenProperty()});
    private final BooleanBinding choicesDisabled;
    private final BooleanBinding applyDisabled;
    private final StringBinding editorTitle;

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
    private final FieldProblems tokenProblems;
    private final StringBinding tokenError;
    private final StringBinding requestLine;
    private final StringBinding tokenStatus;

    // Properties: feedback
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final StringBinding noticeText;

    /** @param clock tells how long the token shown has left */
    public IdentityViewModel(IdentityService identityService, ComputeService compute, ObservableValue<String> workspace,
                             UiThreads threads, Messages messages, Clock clock) {
        this.identityService = Objects.requireNonNull(identityService, "identityService");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.calls = new ServiceCalls(Objects.requireNonNull(threads, "threads"));
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        nameProblem = Bindings.createStringBinding(() -> problemWith(newIdentityName.get()), newIdentityName,
                messages.bundleProperty());
        createDisabled = Bindings.createBooleanBinding(() -> busy.get() || workspace.getValue() == null
                || newIdentityName.get() == null || newIdentityName.get().isBlank()
                || nameProblem.get() != null, busy, newIdentityName, nameProblem, workspace);
        deleteDisabled = Bindings.createBooleanBinding(() -> busy.get() || selectedIdentity.get() == null,
                busy, selectedIdentity);
        choicesDisabled = editType.isNotEqualTo(IdentityType.USER_ASSIGNED);
        applyDisabled = Bindings.createBooleanBinding(() -> busy.get() || selectedCluster.get() == null
                || editedIdentity() == null || editedIdentity().equals(currentIdentity(selectedCluster.get())),
                busy, selectedCluster, editType, choices);
        requestDisabled = Bindings.createBooleanBinding(() -> requesting.get() || tryCluster.get() == null
                || audience.get() == null || audience.get().isBlank(), requesting, tryCluster, audience);
        editorTitle = Bindings.createStringBinding(() -> selectedCluster.get() == null
                        ? messages.get("identity.editor.choose")
                        : messages.render("identity.editor.title", selectedCluster.get().name()),
                selectedCluster, messages.bundleProperty());
        tokenProblems = new FieldProblems(messages, field -> null);
        tokenError = tokenProblems.general();
        requestLine = Bindings.createStringBinding(() -> token.get() == null ? ""
                        : "GET " + token.get().endpoint() + "\n" + messages.get("identity.try.secretHidden") + "\n"
                        + messages.render("identity.try.keys", token.get().jwksUrl()),
                token, messages.bundleProperty());
        tokenStatus = Bindings.createStringBinding(this::describeToken, token, tokenError, requesting,
                messages.bundleProperty());
        noticeText = Bindings.createStringBinding(() -> notice.get() == null ? ""
                        : notice.get().lines().stream().map(messages::format).collect(Collectors.joining("; ")),
                notice, messages.bundleProperty());
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
            refresh();
        });
    }

    // Commands

    /** Reads identities and clusters again, in the background (also F5). */
    public void refresh() {
        String name = workspace.getValue();
        if (name == null) {
            calls.fx(() -> apply(Shown.NOTHING));
            return;
        }
        calls.call(() -> new Shown(identityService.list(name), identityService.clusterIdentities(name)), this::apply,
                refusal -> {
                    // The workspace is gone: nothing to show. Anything else: keep what is shown, the next refresh tries again.
                    if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                        apply(Shown.NOTHING);
                    }
                });
    }

    /** Selects the identity of this name now, or as soon as a read lists it. */
    public void revealIdentity(String name) {
        revealedIdentity = Rows.selectListed(identities, row -> row.name().equals(name), selectedIdentity) ? null : name;
    }

    /** Selects the cluster of this name now, or as soon as a read lists it. */
    public void revealCluster(String name) {
        revealedCluster = Rows.selectListed(clusters, row -> row.name().equals(name), selectedCluster) ? null : name;
    }

    public void createIdentity() {
        String name = newIdentityName.get() == null ? "" : newIdentityName.get().trim();
        String ws = workspace.getValue();
        if (name.isEmpty() || ws == null || busy.get()) {
            return;
        }
        change(() -> identityService.create(ws, name), created -> {
            newIdentityName.set("");
            return Notice.of("identity.created", name);
        });
    }

    public void deleteSelectedIdentity() {
        IdentityRow row = selectedIdentity.get();
        String ws = workspace.getValue();
        if (row == null || ws == null || busy.get()) {
            return;
        }
        change(() -> {
            identityService.delete(ws, row.name());
            return row.name();
        }, deleted -> {
            selectedIdentity.set(null);
            return Notice.of("identity.deleted", deleted);
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
        change(() -> compute.update(ws, cluster.name(), new ComputeService.Update(null, null, null, identity, false)),
                updated -> Notice.of("identity.cluster.applied", updated.name()));
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
        tokenProblems.clear();
        calls.call(() -> identityService.requestToken(ws, cluster, resource, asked.clientId()), issued -> {
            token.set(issued);
            claims.setAll(rowsOf(issued));
            requesting.set(false);
        }, refusal -> {
            token.set(null);
            claims.clear();
            tokenProblems.show(refusal);
            requesting.set(false);
        });
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

    /** Why the name typed cannot be an identity's, in the cloud's rule; null when it can (or nothing is typed yet). */
    public StringBinding nameProblemProperty() {
        return nameProblem;
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

    /** Which cluster the editor changes, or that one is to be chosen. */
    public StringBinding editorTitleProperty() {
        return editorTitle;
    }

    /** An identity type's name in the user's words. */
    public StringBinding typeName(IdentityType type) {
        return Bindings.createStringBinding(() -> messages.display(type), messages.bundleProperty());
    }

    /** What identities a cluster's jobs get: the user-assigned ones by name, or the system-assigned one's ids. */
    public StringBinding identitiesText(ClusterRow row) {
        return Bindings.createStringBinding(() -> switch (row.type()) {
            case NONE -> NONE;
            case SYSTEM_ASSIGNED -> messages.render("identity.clusters.system", row.systemClientId(),
                    row.systemPrincipalId());
            case USER_ASSIGNED -> String.join(", ", row.identityNames());
        }, messages.bundleProperty());
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

    /** "Default (DEFAULT_IDENTITY_CLIENT_ID)" or an identity's name with the start of its client id. */
    public StringBinding tokenIdentityText(TokenIdentity identity) {
        return Bindings.createStringBinding(() -> identity.isDefault() ? messages.get("identity.try.default")
                : identity.name() + " (" + identity.clientId().substring(0, 8) + "…)", messages.bundleProperty());
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

    /** What a claim means, in the user's words; a header entry says it describes the token. */
    public StringBinding claimDescription(ClaimRow row) {
        return Bindings.createStringBinding(() -> {
            String key = "identity.claim." + row.name();
            String meant = messages.contains(key) ? messages.get(key) : "";
            return row.part() == ClaimRow.Part.HEADER ? messages.get("identity.claims.header") + " · " + meant : meant;
        }, messages.bundleProperty());
    }

    /** Why the last request got no token (the endpoint's refusal); null otherwise. */
    public StringBinding tokenErrorProperty() {
        return tokenError;
    }

    /** The request the last token answered: the endpoint asked, the secret hidden, where the keys are; empty before. */
    public StringBinding requestLineProperty() {
        return requestLine;
    }

    /** How the last request went: refused, being asked, or the token's signature and expiry. */
    public StringBinding tokenStatusProperty() {
        return tokenStatus;
    }

    /** What the last change did, or why it was refused. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last notice in the current language; empty when there is none. */
    public StringBinding noticeTextProperty() {
        return noticeText;
    }

    // Internals

    /** What a refresh read. */
    private record Shown(List<UserAssignedIdentity> identities, List<IdentityService.ClusterIdentities> clusters) {
        static final Shown NOTHING = new Shown(List.of(), List.of());
    }

    /** Sends a change to the services; {@code told} says what came of it. Then reads everything again. */
    private <T> void change(Supplier<T> work, Function<T, Notice> told) {
        busy.set(true);
        calls.call(work, result -> {
            notice.set(told.apply(result));
            busy.set(false);
            refresh();
        }, refusal -> {
            notice.set(Notice.refused(refusal));
            busy.set(false);
            refresh();
        });
    }

    private String problemWith(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return UserAssignedIdentity.checkName("name", name.trim()).stream().map(Problem::text).map(messages::format)
                .findFirst().orElse(null);
    }

    private String describeToken() {
        if (tokenError.get() != null) {
            return messages.render("identity.try.refused", tokenError.get());
        }
        IssuedToken issued = token.get();
        if (issued == null) {
            return requesting.get() ? messages.get("identity.try.requesting") : "";
        }
        long minutes = Math.max(0, Duration.between(clock.instant(), issued.expiresOn()).toMinutes());
        String expires = TIME.format(issued.expiresOn().atZone(clock.getZone()));
        return messages.render(issued.signatureVerified() ? "identity.try.verified" : "identity.try.notVerified",
                issued.header().get("alg"), shortened(String.valueOf(issued.header().get("kid"))), issued.jwksUrl(),
                issued.tokenType(), expires, String.valueOf(minutes));
    }

    private static String shortened(String id) {
        return id.length() <= 12 ? id : id.substring(0, 10) + "…";
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

    private void apply(Shown shown) {
        List<UserAssignedIdentity> found = shown.identities();
        List<ClusterRow> clusterRows = shown.clusters().stream().map(IdentityViewModel::rowOf).toList();
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
        if (revealedIdentity != null) {
            revealIdentity(revealedIdentity);
        }
        if (revealedCluster != null) {
            revealCluster(revealedCluster);
        }
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
        tokenProblems.clear();
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
