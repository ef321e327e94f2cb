package dev.computestudio.ui.wizard;

import java.util.Locale;

/** The wizard's pages, in order. */
public enum Step {
    VIRTUAL_MACHINE, SETTINGS, IDENTITY, REVIEW;

    /** The page's name in ids and bundle keys, e.g. {@code virtual-machine}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
