package dev.computestudio.demo;

/**
 * What one step did.
 *
 * @param index   the step's place in its scenario, from 0
 * @param ok      false when the step failed or its check did not hold
 * @param message what happened, in the scenario's language; empty for a narration
 */
public record StepResult(int index, Step step, boolean ok, String message) {
}
