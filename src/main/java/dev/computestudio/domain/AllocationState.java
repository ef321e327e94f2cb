package dev.computestudio.domain;

/** Steady when the node count matches the target; Resizing while nodes are being added or removed. */
public enum AllocationState {
    STEADY("Steady"), RESIZING("Resizing");

    private final String restName;

    AllocationState(String restName) {
        this.restName = restName;
    }

    public String restName() {
        return restName;
    }
}
