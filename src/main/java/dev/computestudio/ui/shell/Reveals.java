package dev.computestudio.ui.shell;

import dev.computestudio.ui.common.ObjectRef;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Selects an object on the screen shown: each screen says which objects it can select. An object
 * made a moment ago may not be listed yet (screens read their lists in the background), so an
 * object not found is looked for again, a few times, before it is given up. Runs on the FX thread.
 */
public final class Reveals {

    private static final Duration RETRY = Duration.millis(250);
    private static final int ATTEMPTS = 20;

    private final ShellViewModel shell;
    private final Map<Screen, Predicate<ObjectRef>> screens = new EnumMap<>(Screen.class);
    private ObjectRef wanted;

    public Reveals(ShellViewModel shell) {
        this.shell = shell;
    }

    /**
     * @param select selects the object on that screen and says whether it found it; false also for
     *               objects the screen does not show
     */
    public void register(Screen screen, Predicate<ObjectRef> select) {
        screens.put(screen, select);
    }

    /** Selects the object on the screen shown, now or as soon as that screen lists it. */
    public void reveal(ObjectRef object) {
        wanted = object;
        attempt(object, ATTEMPTS);
    }

    private void attempt(ObjectRef object, int attemptsLeft) {
        if (object != wanted) {
            return;
        }
        Predicate<ObjectRef> select = screens.get(shell.selectedScreen());
        if (select != null && select.test(object) || attemptsLeft <= 1) {
            return;
        }
        PauseTransition again = new PauseTransition(RETRY);
        again.setOnFinished(event -> attempt(object, attemptsLeft - 1));
        again.play();
    }
}
