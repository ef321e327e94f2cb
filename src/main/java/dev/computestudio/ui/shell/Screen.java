package dev.computestudio.ui.shell;

import java.util.Locale;

/** The entries of the studio's navigation, in the order they are listed. */
public enum Screen {
    WORKSPACES,
    COMPUTE,
    JOBS,
    IDENTITY,
    QUOTA,
    TIMELINE,
    DEMOS;

    /** A stable lower-case name for node ids and message keys, e.g. {@code compute}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
