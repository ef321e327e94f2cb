package dev.computestudio.service;

import dev.computestudio.domain.ConflictException;
import dev.computestudio.domain.JobStatus;
import dev.computestudio.domain.LockLevel;
import dev.computestudio.domain.Message;
import dev.computestudio.domain.MessageFormatter;
import dev.computestudio.domain.NotFoundException;
import dev.computestudio.domain.Problem;
import dev.computestudio.domain.ValidationException;
import dev.computestudio.testing.StudioFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static dev.computestudio.testing.StudioFixture.jobSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The services refuse by code, field and arguments: the studio renders the refusal in the user's
 * language, the command line in the same English as before, and nothing needs to read the sentence.
 */
class RefusalCodesTest {

    private static final MessageFormatter PORTUGUESE = new MessageFormatter(Locale.forLanguageTag("pt-BR"));
    private static final String CPU = "cpu-cluster";

    @TempDir
    Path dataFolder;
    private StudioFixture studio;

    @BeforeEach
    void open() {
        studio = new StudioFixture(dataFolder);
        studio.createCluster(CPU, dedicated(DS3, 0, 2));
    }

    @AfterEach
    void close() {
        studio.close();
    }

    @Test
    void aTakenComputeNameIsAConflictAboutTheNameWithTheWorkspaceAndTheName() {
        ConflictException taken = catchThrowableOfType(ConflictException.class,
                () -> studio.compute.create(WS, CPU, dedicated(DS3, 0, 1)));

        assertThat(taken.field()).isEqualTo("name");
        assertThat(taken.text()).isEqualTo(Message.of("conflict.compute.name-taken", WS, CPU));
        assertThat(taken.getMessage()).isEqualTo("workspace '" + WS + "' already has compute named '" + CPU + "'");
        assertThat(PORTUGUESE.format(taken.text()))
                .isEqualTo("o espaço de trabalho '" + WS + "' já tem uma computação chamada '" + CPU + "'");
    }

    @Test
    void aLockRefusesAboutTheLockAndNamesTheActionItRefused() {
        studio.locks.create(WS, "keep", LockLevel.CAN_NOT_DELETE, null);

        ConflictException locked = catchThrowableOfType(ConflictException.class,
                () -> studio.compute.delete(WS, CPU));

        assertThat(locked.field()).isEqualTo("lock");
        assertThat(locked.code()).isEqualTo("conflict.lock.blocks");
        assertThat(locked.text().arguments()).containsExactly(Message.of("action.compute.delete", CPU), WS,
                "CanNotDelete", "keep", Message.of("lock.effect.can-not-delete"));
        assertThat(locked.getMessage()).isEqualTo("cannot delete compute '" + CPU + "': the resource group of "
                + "workspace '" + WS + "' has a CanNotDelete lock 'keep' (resources can be read and changed but not "
                + "deleted); delete the lock first");
        assertThat(PORTUGUESE.format(locked.text())).isEqualTo("não é possível excluir a computação '" + CPU
                + "': o grupo de recursos do espaço de trabalho '" + WS + "' tem um bloqueio CanNotDelete 'keep' "
                + "(os recursos podem ser lidos e alterados, mas não excluídos); exclua o bloqueio primeiro");
        ConflictException workspaceLocked = catchThrowableOfType(ConflictException.class,
                () -> studio.workspaces.delete(WS));
        assertThat(workspaceLocked.field()).isEqualTo("lock");
        assertThat(workspaceLocked.code()).isEqualTo("conflict.workspace.locked");
    }

    @Test
    void jobRefusalsNameTheirFieldAndTheEndedStatusInTheUsersLanguage() {
        studio.submit("train", CPU);
        studio.jobs.cancel(WS, "train");

        ConflictException taken = catchThrowableOfType(ConflictException.class,
                () -> studio.jobs.submit(WS, jobSpec("train", CPU, 1, null)));
        ConflictException ended = catchThrowableOfType(ConflictException.class,
                () -> studio.jobs.cancel(WS, "train"));
        NotFoundException noCompute = catchThrowableOfType(NotFoundException.class,
                () -> studio.jobs.submit(WS, jobSpec("other", "gpu", 1, null)));

        assertThat(taken.field()).isEqualTo("name");
        assertThat(taken.text()).isEqualTo(Message.of("conflict.job.name-taken", WS, "train"));
        assertThat(ended.text()).isEqualTo(Message.of("conflict.job.already-ended", "train", JobStatus.CANCELED));
        assertThat(ended.getMessage()).isEqualTo("job 'train' has already ended (Canceled)");
        assertThat(PORTUGUESE.format(ended.text())).isEqualTo("o trabalho 'train' já terminou (Cancelado)");
        assertThat(noCompute.field()).isEqualTo("compute");
        assertThat(noCompute.text()).isEqualTo(Message.of("notfound.compute", "gpu", WS));
    }

    @Test
    void validationProblemsCarryTheirCodeAndArguments() {
        assertThatThrownBy(() -> studio.compute.create(WS, "big", dedicated(DS3, 0, 101)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field, Problem::rule, Problem::text)
                        .containsExactly(tuple("max_instances", "quota",
                                Message.of("invalid.cluster.max-above-quota", 100))))
                .hasMessageContaining("must be at most 100, the nodes-per-cluster quota");
    }
}
