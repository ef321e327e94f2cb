package dev.computestudio.ui.workspaces;

import dev.computestudio.ui.common.Refusal;
import dev.computestudio.ui.common.UiThreads;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's commands and refreshes, ordered by hand: each background task runs when the test says. */
class ScreenChangesTest {

    private final List<Runnable> background = new ArrayList<>();
    private final ScreenChanges changes = new ScreenChanges(new UiThreads(background::add, Runnable::run));
    private final List<String> shown = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();

    @Test
    void theScreenIsBusyUntilEveryChangeHasItsAnswer() {
        changes.make(() -> "first", shown::add, refusals::add);
        changes.make(() -> "second", shown::add, refusals::add);
        assertThat(changes.busyProperty().get()).isTrue();

        background.remove(0).run();
        assertThat(changes.busyProperty().get()).as("one still runs").isTrue();
        background.remove(0).run();

        assertThat(changes.busyProperty().get()).isFalse();
        assertThat(shown).containsExactly("first", "second");
    }

    @Test
    void aReadThatStartedBeforeAChangeFinishedIsDropped() {
        changes.read(() -> "read before the change", shown::add);
        changes.make(() -> "changed", shown::add, refusals::add);

        background.remove(1).run();
        background.remove(0).run();

        assertThat(shown).containsExactly("changed");

        changes.read(() -> "read after the change", shown::add);
        background.remove(0).run();

        assertThat(shown).containsExactly("changed", "read after the change");
    }

    @Test
    void aRefusedChangeEndsTheBusySpellWithItsReason() {
        changes.<String>make(() -> {
            throw new IllegalStateException("the database went away");
        }, shown::add, refusals::add);

        background.remove(0).run();

        assertThat(changes.busyProperty().get()).isFalse();
        assertThat(refusals).singleElement().satisfies(refusal -> assertThat(refusal.kind())
                .isEqualTo(Refusal.Kind.FAILED));
        assertThat(shown).isEmpty();
    }
}
