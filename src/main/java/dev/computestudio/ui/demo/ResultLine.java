package dev.computestudio.ui.demo;

import dev.computestudio.domain.Message;

/** One line of the demo's log: a step's result, or what the clean-up did, by code. */
public record ResultLine(Message text, boolean ok) {
}
