package dev.computestudio.ui.wizard;

import dev.computestudio.domain.ClusterIdentity;
import dev.computestudio.domain.IdentityType;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.QuotaKeys;
import dev.computestudio.ui.wizard.SettingsForm.Credential;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The review step: every choice under the step that made it, the estimated cost per hour at the
 * minimum and the maximum nodes, how far the quota left would hold the nodes back, and whether a
 * lock on the workspace would keep the cluster at 0 nodes, as the service's check says. Everything follows the inputs and the language as they change.
 */
public final class ReviewEstimate {

    /** One line of the review: the step it belongs to, what it is, what was chosen. */
    public record ReviewItem(Step step, String label, String value) {
    }

    private final SizeChoice sizes;
    private final SettingsForm settings;
    private final IdentityStep identity;
    private final WizardTexts texts;
    private List<Message> quotaShortfall = List.of();
    private List<Message> lockBlocks = List.of();

    // Properties
    private final ReadOnlyDoubleWrapper costAtMin = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper costAtMax = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper costAtMinText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper costAtMaxText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> quotaWarnings = FXCollections.observableArrayList();
    private final ObservableList<String> lockWarnings = FXCollections.observableArrayList();
    private final ObservableList<ReviewItem> reviewItems = FXCollections.observableArrayList();

    // Unmodifiable views made once: a view made per call would be collected, and its listeners with it.
    private final ObservableList<String> quotaWarningsView = FXCollections.unmodifiableObservableList(quotaWarnings);
    private final ObservableList<String> lockWarningsView = FXCollections.unmodifiableObservableList(lockWarnings);
    private final ObservableList<ReviewItem> reviewItemsView = FXCollections.unmodifiableObservableList(reviewItems);

    ReviewEstimate(SizeChoice sizes, SettingsForm settings, IdentityStep identity, WizardTexts texts) {
        this.sizes = sizes;
        this.settings = settings;
        this.identity = identity;
        this.texts = texts;
        Inputs.onChange(this::refresh, sizes.locationProperty(), sizes.workspaceLocationProperty(),
                sizes.tierProperty(), sizes.selectedSizeProperty(), settings.nameProperty(),
                settings.minNodesProperty(), settings.maxNodesProperty(), settings.idleSecondsProperty(),
                settings.sshEnabledProperty(), settings.adminUsernameProperty(), settings.credentialProperty(),
                identity.identityTypeProperty(), identity.userAssignedIdsProperty());
        texts.onLanguageChange(this::refresh);
        refresh();
    }

    /** What the service's check says the quota left would hold back of the maximum; shown once a size is chosen. */
    void showQuotaShortfall(List<Message> warnings) {
        quotaShortfall = List.copyOf(warnings);
        refresh();
    }

    /** What the service's check says a lock on the workspace would do to the cluster; shown whatever the size. */
    void showLockWarnings(List<Message> warnings) {
        lockBlocks = List.copyOf(warnings);
        refresh();
    }

    private void refresh() {
        SizeRow row = sizes.selectedSizeProperty().get();
        Integer min = settings.minNodes();
        Integer max = settings.maxNodes();
        double price = row == null ? 0 : row.size().pricePerHour(sizes.tier());
        costAtMin.set(min == null ? 0 : price * Math.max(0, min));
        costAtMax.set(max == null ? 0 : price * Math.max(0, max));
        costAtMinText.set(texts.format("wizard.review.cost.atMin", min == null ? "?" : min,
                WizardTexts.price(costAtMin.get())));
        costAtMaxText.set(texts.format("wizard.review.cost.atMax", max == null ? "?" : max,
                WizardTexts.price(costAtMax.get())));
        quotaWarnings.setAll(row == null ? List.of() : quotaShortfall.stream().map(texts::format).toList());
        lockWarnings.setAll(lockBlocks.stream().map(texts::format).toList());
        reviewItems.setAll(items(row));
    }

    private List<ReviewItem> items(SizeRow row) {
        List<ReviewItem> items = new ArrayList<>();
        String region = sizes.region() == null ? sizes.workspaceLocationProperty().get() : sizes.region();
        items.add(new ReviewItem(Step.VIRTUAL_MACHINE, texts.format("wizard.vm.location"), region));
        items.add(new ReviewItem(Step.VIRTUAL_MACHINE, texts.format("wizard.vm.tier"), texts.display(sizes.tier())));
        items.add(new ReviewItem(Step.VIRTUAL_MACHINE, texts.format("wizard.vm.size"), row == null ? "-"
                : texts.format("wizard.review.size", row.name(), row.vCpus(), row.memoryGiB(),
                        sizes.gpuText(row.size()), QuotaKeys.familyDisplayName(row.family()))));
        items.add(new ReviewItem(Step.SETTINGS, texts.format("wizard.settings.name"), settings.name()));
        items.add(new ReviewItem(Step.SETTINGS, texts.format("wizard.settings.minNodes"),
                settings.minNodesProperty().get().trim()));
        items.add(new ReviewItem(Step.SETTINGS, texts.format("wizard.settings.maxNodes"),
                settings.maxNodesProperty().get().trim()));
        items.add(new ReviewItem(Step.SETTINGS, texts.format("wizard.settings.idleSeconds"),
                texts.format("wizard.review.seconds", settings.idleSecondsProperty().get().trim())));
        items.add(new ReviewItem(Step.SETTINGS, texts.format("wizard.settings.ssh"), sshText()));
        items.add(new ReviewItem(Step.IDENTITY, texts.format("wizard.identity.type"), identityText()));
        return items;
    }

    private String sshText() {
        if (!settings.sshEnabledProperty().get()) {
            return texts.format("wizard.review.ssh.off");
        }
        return texts.format(settings.credential() == Credential.PASSWORD ? "wizard.review.ssh.password"
                : "wizard.review.ssh.key", settings.adminUsernameProperty().get());
    }

    private String identityText() {
        ClusterIdentity chosen = identity.identity();
        String type = texts.display(chosen.type());
        // By name, the last part of its resource id: a whole id would not fit a line, and has no spaces to wrap at.
        return chosen.type() != IdentityType.USER_ASSIGNED ? type
                : type + "\n" + chosen.userAssignedIdentityIds().stream()
                        .map(id -> id.substring(id.lastIndexOf('/') + 1)).collect(Collectors.joining("\n"));
    }

    // Read-only views

    /** Estimated price per hour with min nodes running (USD, illustrative list prices). */
    public ReadOnlyDoubleProperty costAtMinProperty() {
        return costAtMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty costAtMaxProperty() {
        return costAtMax.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costAtMinTextProperty() {
        return costAtMinText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty costAtMaxTextProperty() {
        return costAtMaxText.getReadOnlyProperty();
    }

    /** Why max nodes could not all run with the quota left, and how many could. */
    public ObservableList<String> quotaWarnings() {
        return quotaWarningsView;
    }

    /** Why a lock on the workspace would leave the cluster stuck at 0 nodes (or refuse it), and how to lift it. */
    public ObservableList<String> lockWarnings() {
        return lockWarningsView;
    }

    public ObservableList<ReviewItem> reviewItems() {
        return reviewItemsView;
    }
}
