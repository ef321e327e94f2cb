package dev.computestudio.ui.demo;

/** A scenario as the list shows it: its title and one-line summary in the studio's language. */
public record ScenarioRow(String id, String title, String summary, long checks) {
}
