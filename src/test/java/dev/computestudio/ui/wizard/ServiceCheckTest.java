package dev.computestudio.ui.wizard;

import dev.computestudio.domain.Problem;
import dev.computestudio.service.ComputeService;
import dev.computestudio.testing.StudioFixture;
import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.ServiceCalls;
import dev.computestudio.ui.common.UiThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static dev.computestudio.testing.StudioFixture.DS3;
import static dev.computestudio.testing.StudioFixture.WS;
import static dev.computestudio.testing.StudioFixture.dedicated;
import static org.assertj.core.api.Assertions.assertThat;

/** Asking the service's check as the user types: one question out at a time, answers only about the latest inputs. */
class ServiceCheckTest {

    @TempDir
    Path dataFolder;

    /** Work sent off the FX thread; the test runs it when it wants, as a slow background would. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final List<List<Problem>> answers = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private StudioFixture studio;
    private ServiceCheck check;

    @BeforeEach
    void openStudio() {
        studio = new StudioFixture(dataFolder);
        check = newCheck(WS);
    }

    @AfterEach
    void closeStudio() {
        studio.close();
    }

    @Test
    void inputsTypedWhileAQuestionIsOutAreAskedOnceAnsweredAndOnlyTheLatestAnswerCounts() {
        check.ask("9x", dedicated(DS3, 0, 2));
        check.ask("cpu", dedicated(DS3, 0, 2));
        check.ask("cpu-cluster", dedicated(DS3, 0, 2));
        assertThat(background).as("one question out").hasSize(1);

        background.poll().run();
        assertThat(answers).as("the answer about '9x' is outdated").isEmpty();
        assertThat(background).as("the latest inputs are asked, the ones between are not").hasSize(1);

        background.poll().run();
        assertThat(answers).singleElement().asList().isEmpty();
        assertThat(background).isEmpty();
    }

    @Test
    void aClosedCheckNeitherAsksNorPassesAnAnswerOn() {
        check.ask("9x", dedicated(DS3, 0, 2));
        check.close();
        check.ask("cpu-cluster", dedicated(DS3, 0, 2));

        background.poll().run();

        assertThat(background).isEmpty();
        assertThat(answers).isEmpty();
    }

    @Test
    void aCheckTheServiceRefusesIsPassedOnAsARefusal() {
        ServiceCheck elsewhere = newCheck("ws-nowhere");
        elsewhere.ask("cpu-cluster", dedicated(DS3, 0, 2));

        background.poll().run();

        assertThat(refusals).singleElement().extracting(Refusal::kind).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    private ServiceCheck newCheck(String workspace) {
        return new ServiceCheck(workspace, studio.compute,
                new ServiceCalls(new UiThreads(background::add, Runnable::run)),
                (ComputeService.Check answer) -> answers.add(answer.problems()), refusals::add);
    }
}
