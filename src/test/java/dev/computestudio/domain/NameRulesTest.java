package dev.computestudio.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"cpu-cluster", "gpu", "a1b", "lowPri-Cluster-a", "abcdefghijklmnopqrstuvwx"})
    void acceptsComputeNamesTheCloudAccepts(String name) {
        assertThat(NameRules.checkComputeName("name", name)).isEmpty();
    }

    @Test
    void computeNameEndingInDashDigitsIsRejectedWithItsOwnSentence() {
        List<Problem> problems = NameRules.checkComputeName("name", "cpu-cluster-1");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("name");
            assertThat(problem.rule()).isEqualTo("suffix");
            assertThat(problem.message()).isEqualTo("must not end with '-' followed by digits");
        });
    }

    @Test
    void everyBrokenComputeRuleIsReportedAtOnce() {
        List<Problem> problems = NameRules.checkComputeName("name", "1_x");

        assertThat(problems).extracting(Problem::rule).containsExactly("first-character", "characters");
    }

    @Test
    void computeNameLengthIsCheckedWithTheActualLength() {
        assertThat(NameRules.checkComputeName("name", "ab")).extracting(Problem::message)
                .containsExactly("must be 3 to 24 characters long (it has 2)");
        assertThat(NameRules.checkComputeName("name", "a".repeat(25))).extracting(Problem::rule)
                .containsExactly("length");
    }

    @Test
    void computeNameMustStartWithAnAsciiLetter() {
        assertThat(NameRules.checkComputeName("name", "écluster")).extracting(Problem::rule)
                .contains("first-character");
    }

    @Test
    void missingNamesAreRequired() {
        assertThat(NameRules.checkComputeName("name", " ")).extracting(Problem::rule).containsExactly("required");
        assertThat(NameRules.checkWorkspaceName("name", null)).extracting(Problem::rule).containsExactly("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws1", "my_workspace-01", "0abc", "a23456789012345678901234567890123"})
    void acceptsWorkspaceNames(String name) {
        assertThat(NameRules.checkWorkspaceName("name", name)).isEmpty();
    }

    @Test
    void rejectsWorkspaceNamesWithForbiddenCharacters() {
        assertThat(NameRules.checkWorkspaceName("name", "_ws;rm -rf")).extracting(Problem::rule)
                .containsExactly("first-character", "characters");
        assertThat(NameRules.checkWorkspaceName("name", "a234567890123456789012345678901234"))
                .extracting(Problem::rule).containsExactly("length");
    }
}
