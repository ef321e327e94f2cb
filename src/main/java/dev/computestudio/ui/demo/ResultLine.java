package dev.computestudio.ui.demo;

/** One line of the demo's log: a step's result, or a clean-up message. */
public record ResultLine(String text, boolean ok) {
}
