package dev.computestudio.demo;

import dev.computestudio.domain.Message;

/**
 * What one step did.
 *
 * @param index   the step's place in its scenario, from 0
 * @param ok      false when the step failed or its check did not hold
 * @param text    what happened, by code, for the studio to word in its language; null for a narration
 * @param message the same in the runner's language, as the command line prints it; empty for a narration
 */
public record StepResult(int index, Step step, boolean ok, Message text, String message) {
}
