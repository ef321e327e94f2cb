package dev.computestudio.domain;

import dev.computestudio.domain.port.SpecCodec;
import dev.computestudio.domain.port.WorkspaceRepository;
import dev.computestudio.infra.yaml.YamlEnvironmentTable;
import dev.computestudio.infra.yaml.YamlSpecCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Refusals carry a code, the field and the values, not a sentence: the command line still prints
 * the English sentence it always printed, and the studio can show the same refusal in Portuguese.
 */
class ProblemCodesTest {

    private static final MessageFormatter PORTUGUESE = new MessageFormatter(Locale.forLanguageTag("pt-BR"));

    @TempDir
    Path dataFolder;

    @Test
    void aMaximumBelowTheMinimumIsRefusedByCodeWithBothNumbers() {
        ClusterSpec spec = ClusterSpec.defaults(VmCatalog.DEFAULT_SIZE).withScale(3, 2, Duration.ZERO);

        Problem problem = spec.check(VmCatalog.standard()).get(0);

        assertThat(problem.field()).isEqualTo("max_instances");
        assertThat(problem.rule()).isEqualTo("not-below-min");
        assertThat(problem.code()).isEqualTo("invalid.cluster.max-below-min");
        assertThat(problem.arguments()).containsExactly(2, 3);
        assertThat(problem.message()).isEqualTo("must not be below min_instances (2 < 3)");
        assertThat(PORTUGUESE.format(problem.text())).isEqualTo("não pode ser menor que min_instances (2 < 3)");
    }

    @Test
    void aShortComputeNameIsRefusedWithItsBoundsAndItsLength() {
        Problem problem = NameRules.checkComputeName("name", "ab").get(0);

        assertThat(problem.code()).isEqualTo("invalid.name.length");
        assertThat(problem.field()).isEqualTo("name");
        assertThat(problem.arguments()).containsExactly(3, 24, 2);
        assertThat(problem.message()).isEqualTo("must be 3 to 24 characters long (it has 2)");
        assertThat(PORTUGUESE.format(problem.text())).isEqualTo("deve ter de 3 a 24 caracteres (tem 2)");
    }

    @Test
    void aPlaceholderOfAMissingInputKeepsItsBracesInEveryLanguage() {
        JobSpec spec = new JobSpec("train", null, null, "cpu", "python train.py ${{inputs.data}}", null, 1,
                Map.of(), null, null);

        Problem problem = spec.check().get(0);

        assertThat(problem.code()).isEqualTo("invalid.job.placeholder-no-input");
        assertThat(problem.field()).isEqualTo("command");
        assertThat(problem.arguments()).containsExactly("inputs.data", "data");
        assertThat(problem.message()).isEqualTo("uses ${{inputs.data}} but the job has no input named 'data'");
        assertThat(PORTUGUESE.format(problem.text()))
                .isEqualTo("usa ${{inputs.data}}, mas o trabalho não tem nenhuma entrada chamada 'data'");
    }

    @Test
    void aLockNameRefusalKeepsItsBackslash() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> ResourceLock.validateName("a/b"));

        Problem problem = refused.problems().get(0);
        assertThat(problem.code()).isEqualTo("invalid.lock.name");
        assertThat(problem.message())
                .isEqualTo("must be 1 to 260 characters and must not contain < > % & : \\ ? / *");
        assertThat(PORTUGUESE.format(problem.text())).isNotEqualTo(problem.message());
    }

    @Test
    void aYamlProblemNamesItsFileAndLineInFrontOfTheTranslatedText() {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> codec().readCluster(
                "name: cpu\ntype: amlcompute\nmin_instances: many\n", "cluster.yml", Map.of()));

        Problem problem = refused.problems().get(0);
        assertThat(problem.field()).isEqualTo("min_instances");
        assertThat(problem.rule()).isEqualTo("integer");
        assertThat(problem.code()).isEqualTo("problem.at");
        assertThat(problem.arguments()).containsExactly(Message.of("where.line", "cluster.yml", 3),
                Message.of("invalid.yaml.integer", "many"));
        assertThat(problem.message()).isEqualTo("cluster.yml, line 3: must be a whole number, not 'many'");
        assertThat(PORTUGUESE.format(problem.text()))
                .isEqualTo("cluster.yml, linha 3: deve ser um número inteiro, não 'many'");
    }

    @Test
    void anIgnoredKeySaysWhyInTheSameLanguage() {
        SpecCodec.ClusterDocument document = codec().readCluster(
                "name: cpu\ntype: amlcompute\nenable_node_public_ip: true\n", "cluster.yml", Map.of());

        Problem warning = document.warnings().get(0);
        assertThat(warning.rule()).isEqualTo("ignored-key");
        assertThat(warning.message()).isEqualTo("cluster.yml, line 3: 'enable_node_public_ip' changes nothing on one "
                + "machine (nodes have no public address); ignored");
        assertThat(PORTUGUESE.format(warning.text())).isEqualTo("cluster.yml, linha 3: a chave "
                + "'enable_node_public_ip' não muda nada em uma só máquina (os nós não têm endereço público); "
                + "foi ignorada");
    }

    @Test
    void aMissingWorkspaceIsNotFoundByCodeWithItsName() {
        NotFoundException missing = catchThrowableOfType(NotFoundException.class,
                () -> new NoWorkspaces().require("lab"));

        assertThat(missing.field()).isEqualTo("workspace");
        assertThat(missing.code()).isEqualTo("notfound.workspace");
        assertThat(missing.text().arguments()).containsExactly("lab");
        assertThat(missing.getMessage()).isEqualTo("workspace 'lab' was not found");
        assertThat(PORTUGUESE.format(missing.text())).isEqualTo("o espaço de trabalho 'lab' não foi encontrado");
    }

    @Test
    void aWorkspaceRefusalGivesEachBrokenRuleItsOwnCode() {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> Workspace.validate("lab", "East US", "rg."));

        assertThat(refused.problems()).extracting(Problem::field, Problem::code).containsExactly(
                tuple("location", "invalid.location.region-name"),
                tuple("resourceGroup", "invalid.workspace.resource-group-name"));
        assertThat(refused.problems()).extracting(Problem::message).containsExactly(
                "must be a region name in lower case letters and digits, like 'eastus'",
                "must be 1 to 90 letters, digits, '_', '-', '.', '(' or ')' and must not end with '.'");
        assertThat(refused.problems()).allSatisfy(problem ->
                assertThat(PORTUGUESE.format(problem.text())).isNotEqualTo(problem.message()));
    }

    @Test
    void everyCodeOfTheseRefusalsHasATextInBothLanguages() {
        List<String> codes = List.of("problem.at", "where.line", "where.line-column", "invalid.cluster.max-below-min",
                "invalid.name.length", "invalid.job.placeholder-no-input", "invalid.yaml.integer",
                "warning.yaml.ignored-key", "notfound.workspace", "invalid.file.too-large");

        assertThat(codes).allMatch(MessageFormatter.ENGLISH::hasText).allMatch(PORTUGUESE::hasText);
    }

    private YamlSpecCodec codec() {
        return new YamlSpecCodec(new YamlEnvironmentTable(dataFolder));
    }

    /** A store without workspaces: every name is missing. */
    private static final class NoWorkspaces implements WorkspaceRepository {

        @Override
        public void insert(Workspace workspace) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Workspace> find(String name) {
            return Optional.empty();
        }

        @Override
        public List<Workspace> list() {
            return List.of();
        }

        @Override
        public boolean delete(String name) {
            return false;
        }
    }
}
