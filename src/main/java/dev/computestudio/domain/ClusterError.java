package dev.computestudio.domain;

import java.util.Objects;

/**
 * A resize or node-setup error as the cloud reports it on a cluster: the cloud's code (e.g.
 * QuotaExceeded) and its explanation, by code so the studio can show it in the user's language.
 */
public record ClusterError(String code, Message text) {

    public static final String QUOTA_EXCEEDED = "QuotaExceeded";
    public static final String SCOPE_LOCKED = "ScopeLocked";
    /** Ours: the node runner (the Docker engine) does not answer, so no node can run. */
    public static final String RUNNER_UNAVAILABLE = "RunnerUnavailable";

    public ClusterError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** The explanation in English, as the REST shapes and the command line give it. */
    public String message() {
        return text.english();
    }
}
