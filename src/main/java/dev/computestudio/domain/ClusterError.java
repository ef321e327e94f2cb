package dev.computestudio.domain;

import java.util.Objects;

/** A resize or node-setup error as the cloud reports it on a cluster, e.g. code QuotaExceeded. */
public record ClusterError(String code, String message) {

    public static final String QUOTA_EXCEEDED = "QuotaExceeded";
    public static final String SCOPE_LOCKED = "ScopeLocked";
    /** Ours: the node runner (the Docker engine) does not answer, so no node can run. */
    public static final String RUNNER_UNAVAILABLE = "RunnerUnavailable";

    public ClusterError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
