package dev.computestudio.domain;

/** The cloud's provisioningState of a compute resource. */
public enum ProvisioningState {
    CREATING("Creating"), UPDATING("Updating"), SUCCEEDED("Succeeded"), FAILED("Failed"),
    DELETING("Deleting"), CANCELED("Canceled"), UNKNOWN("Unknown");

    private final String restName;

    ProvisioningState(String restName) {
        this.restName = restName;
    }

    public String restName() {
        return restName;
    }
}
