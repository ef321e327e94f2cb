package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.ui.common.Messages;

import java.util.List;
import java.util.stream.Collectors;

/** What is wrong with what the user is typing, by the domain's own rules, as a form shows it while typing. */
final class TypedProblems {

    private TypedProblems() {
    }

    /**
     * The problems a domain check finds. The domain offers the rules of workspaces and locks only as
     * checks that throw; this is the one place that turns them into problems to show.
     */
    static List<Problem> of(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.problems();
        }
    }

    static List<Problem> about(String field, List<Problem> problems) {
        return problems.stream().filter(problem -> problem.field().equals(field)).toList();
    }

    /** Every broken rule on a line of its own, in the current language; null when none. */
    static String lines(Messages messages, List<Problem> problems) {
        return problems.isEmpty() ? null
                : problems.stream().map(problem -> messages.format(problem.text())).collect(Collectors.joining("\n"));
    }
}
