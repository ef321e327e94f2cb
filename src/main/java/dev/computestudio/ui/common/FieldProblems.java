package dev.computestudio.ui.common;

import dev.computestudio.domain.Message;
import dev.computestudio.domain.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The problems of one form, per field, as every form shows them: a service's refusal mapped onto
 * the fields it names, and anything that names no field of the form above it. Problems are kept as
 * codes, so their texts follow the language while they are shown.
 */
public final class FieldProblems {

    private final Messages messages;
    private final Function<String, String> formFieldOf;
    private final Map<String, ObjectProperty<List<Problem>>> byField = new LinkedHashMap<>();

    /**
     * @param formFieldOf the form field that shows the service's problems about a service field;
     *                    null puts them above the form
     */
    public FieldProblems(Messages messages, Function<String, String> formFieldOf) {
        this.messages = messages;
        this.formFieldOf = formFieldOf;
    }

    /** Shows a refusal: each problem on its form field, the others above the form. */
    public void show(Refusal refusal) {
        clear();
        Map<String, List<Problem>> grouped = new LinkedHashMap<>();
        for (Problem problem : refusal.problems()) {
            String field = formFieldOf.apply(problem.field());
            grouped.computeIfAbsent(field == null ? Refusal.NO_FIELD : field, f -> new ArrayList<>()).add(problem);
        }
        grouped.forEach((field, problems) -> slot(field).set(List.copyOf(problems)));
    }

    /** Puts one problem of the form's own on a field, replacing what it showed. */
    public void put(String formField, Message text) {
        slot(formField).set(List.of(new Problem(formField, text.code(), text)));
    }

    public void clear(String formField) {
        slot(formField).set(List.of());
    }

    public void clear() {
        byField.values().forEach(problems -> problems.set(List.of()));
    }

    /** What is wrong with a field, in the current language; null when nothing. */
    public StringBinding text(String formField) {
        ObjectProperty<List<Problem>> problems = slot(formField);
        return Bindings.createStringBinding(() -> render(problems.get(), formField),
                problems, messages.bundleProperty());
    }

    /** The problems that belong to no field of the form, one per line; null when none. */
    public StringBinding general() {
        return text(Refusal.NO_FIELD);
    }

    public BooleanBinding has(String formField) {
        ObjectProperty<List<Problem>> problems = slot(formField);
        return Bindings.createBooleanBinding(() -> !problems.get().isEmpty(), problems);
    }

    public boolean isEmpty() {
        return byField.values().stream().allMatch(problems -> problems.get().isEmpty());
    }

    private String render(List<Problem> problems, String formField) {
        if (problems.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (Problem problem : problems) {
            String text = messages.format(problem.text());
            // Above the form, a problem says which field it is about; on its field it need not.
            boolean named = formField.equals(Refusal.NO_FIELD) && !problem.field().isEmpty();
            lines.add(named ? problem.field() + ": " + text : text);
        }
        return String.join(formField.equals(Refusal.NO_FIELD) ? "\n" : "; ", lines);
    }

    private ObjectProperty<List<Problem>> slot(String formField) {
        return byField.computeIfAbsent(formField, field -> new SimpleObjectProperty<>(List.of()));
    }
}
