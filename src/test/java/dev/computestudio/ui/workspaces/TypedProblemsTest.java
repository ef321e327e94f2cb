package dev.computestudio.ui.workspaces;

import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ResourceLock;
import dev.computestudio.domain.Workspace;
import dev.computestudio.ui.common.Messages;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain's throwing checks, as the problems a form shows while the user types. */
class TypedProblemsTest {

    private final Messages messages = new Messages(new SimpleObjectProperty<>(Locale.ENGLISH));

    @Test
    void aPassedCheckHasNoProblemsAndAFailedOneHasEach() {
        assertThat(TypedProblems.of(() -> ResourceLock.validateName("keep"))).isEmpty();

        List<Problem> problems = TypedProblems.of(() -> Workspace.validate("ok-name", "East US", "rg."));

        assertThat(problems).extracting(Problem::field).containsExactly("location", "resourceGroup");
        assertThat(TypedProblems.about("location", problems)).singleElement()
                .satisfies(problem -> assertThat(problem.rule()).isEqualTo("region-name"));
    }

    @Test
    void eachBrokenRuleIsALineOfItsOwn() {
        List<Problem> problems = TypedProblems.of(() -> Workspace.validate("a!", "eastus", "rg-a"));

        assertThat(TypedProblems.lines(messages, problems))
                .isEqualTo("must be 3 to 33 characters long (it has 2)\nmay contain only letters, digits, '_' and '-'");
        assertThat(TypedProblems.lines(messages, List.of())).isNull();
    }
}
