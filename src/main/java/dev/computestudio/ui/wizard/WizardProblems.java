package dev.computestudio.ui.wizard;

import dev.computestudio.domain.Problem;
import dev.computestudio.ui.common.FieldProblems;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.wizard.SettingsForm.Credential;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What is wrong with the wizard's inputs, field by field, shown through one {@link FieldProblems}.
 * Two sources speak about a field: the form's own rules and the domain's as the user types, and
 * the service (its check as the inputs change, or its refusal at create). The first source that
 * finds something about a field speaks for it, so a rule both know is said once. The form's
 * findings show once the user has edited the field; the service's show at once, as they concern
 * values already there. Every problem, shown or not, keeps its step from going on; what no field
 * explains (a lock, the workspace gone) shows above the page and keeps nothing from going on.
 */
final class WizardProblems {

    private final FieldProblems shown;
    private final Supplier<Credential> credential;
    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private final Map<Field, StringBinding> texts = new EnumMap<>(Field.class);
    private final StringBinding generalText;
    private final ObservableSet<Field> invalid = FXCollections.observableSet(EnumSet.noneOf(Field.class));
    private final ObservableSet<Field> invalidView = FXCollections.unmodifiableObservableSet(invalid);
    private List<Problem> local = List.of();
    private List<Problem> service = List.of();
    private List<Problem> general = List.of();

    WizardProblems(WizardTexts wizardTexts, Supplier<Credential> credential) {
        this.credential = credential;
        this.shown = new FieldProblems(wizardTexts.messages(),
                serviceField -> fieldOf(serviceField).map(Field::name).orElse(null));
        for (Field field : Field.values()) {
            texts.put(field, wizardTexts.own(shown.text(field.name())));
        }
        generalText = wizardTexts.own(shown.general());
    }

    /** The user changed a field: what the form finds there shows from now on; what the service said no longer holds. */
    void edited(Field field) {
        touched.add(field);
        service = service.stream().filter(problem -> fieldOf(problem.field()).orElse(null) != field).toList();
    }

    /** What the form's and the domain's rules find in the inputs as they are now. */
    void found(List<Problem> problems) {
        local = List.copyOf(problems);
        publish();
    }

    /** The service's check of the inputs as they are now. */
    void checked(List<Problem> problems) {
        service = List.copyOf(problems);
        publish();
    }

    /**
     * A refusal of the service: its problems go to their fields, the rest above the page until the
     * next create.
     *
     * @return the first step with a field the refusal names, to go back to
     */
    Optional<Step> refused(Refusal refusal) {
        List<Problem> onFields = new ArrayList<>();
        List<Problem> elsewhere = new ArrayList<>();
        for (Problem problem : refusal.problems()) {
            (fieldOf(problem.field()).isPresent() ? onFields : elsewhere).add(problem);
        }
        service = List.copyOf(onFields);
        general = List.copyOf(elsewhere);
        publish();
        return onFields.stream().map(problem -> fieldOf(problem.field()).orElseThrow().step()).min(Step::compareTo);
    }

    /** A new attempt: what the last refusal said above the page no longer holds. */
    void clearGeneral() {
        general = List.of();
        publish();
    }

    private void publish() {
        Map<Field, List<Problem>> byField = new EnumMap<>(Field.class);
        List<Problem> visible = new ArrayList<>(general);
        Map<Field, List<Problem>> fromForm = byField(local, visible);
        Map<Field, List<Problem>> fromService = byField(service, visible);
        fromForm.forEach((field, problems) -> {
            byField.put(field, problems);
            if (touched.contains(field)) {
                visible.addAll(problems);
            }
        });
        fromService.forEach((field, problems) -> {
            if (byField.putIfAbsent(field, problems) == null) {
                visible.addAll(problems);
            }
        });
        invalid.retainAll(byField.keySet());
        invalid.addAll(byField.keySet());
        shown.show(new Refusal(Refusal.Kind.INVALID, visible));
    }

    /** The problems of one source by field; those about no field go to {@code elsewhere}. */
    private Map<Field, List<Problem>> byField(List<Problem> problems, List<Problem> elsewhere) {
        Map<Field, List<Problem>> grouped = new LinkedHashMap<>();
        for (Problem problem : problems) {
            Optional<Field> field = fieldOf(problem.field());
            if (field.isPresent()) {
                grouped.computeIfAbsent(field.get(), f -> new ArrayList<>()).add(problem);
            } else {
                elsewhere.add(problem);
            }
        }
        return grouped;
    }

    private Optional<Field> fieldOf(String serviceField) {
        return Field.about(serviceField, credential.get());
    }

    // Read-only views

    /** What is wrong with a field, in the current language; null when nothing is, or nothing shows yet. */
    StringBinding text(Field field) {
        return texts.get(field);
    }

    /** What no field explains, one per line, in the current language; null when nothing. */
    StringBinding generalText() {
        return generalText;
    }

    /** Every field with a problem, shown or not yet; unmodifiable. */
    ObservableSet<Field> invalidFields() {
        return invalidView;
    }
}
