package dev.computestudio.ui.shell;

/** What the engine of this process does, as the status bar tells it. */
public enum EngineStatus {
    /** It holds the engine lease and schedules. */
    RUNNING("status.engine.state.running"),
    /** Another process holds the lease; this one takes it when that one stops. */
    WAITING_FOR_LEASE("status.engine.state.waiting-for-lease"),
    NOT_RUNNING("status.engine.state.not-running");

    private final String textKey;

    EngineStatus(String textKey) {
        this.textKey = textKey;
    }

    /** The studio bundle's key of its words. */
    String textKey() {
        return textKey;
    }
}
