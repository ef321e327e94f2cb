package dev.computestudio.ui.shell;

import org.kordamp.ikonli.feather.Feather;

/** The icon that stands for each screen, in the navigation and in its empty state. */
final class ScreenIcons {

    private ScreenIcons() {
    }

    static Feather of(Screen screen) {
        return switch (screen) {
            case WORKSPACES -> Feather.BRIEFCASE;
            case COMPUTE -> Feather.CPU;
            case JOBS -> Feather.TERMINAL;
            case IDENTITY -> Feather.KEY;
            case QUOTA -> Feather.PIE_CHART;
            case TIMELINE -> Feather.ACTIVITY;
            case DEMOS -> Feather.PLAY_CIRCLE;
        };
    }
}
