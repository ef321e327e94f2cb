package dev.computestudio.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the managed-identity endpoint knows of a secret it gave out: only its hash, and whom it
 * was given to. A node's credential belongs to one attempt of one job and dies with it; a probe's
 * (the studio's "try it", {@code identity token}) belongs to a cluster for a short while.
 *
 * @param nodeId     the node whose job holds the secret; null for a probe
 * @param jobName    the job the secret was given to; null for a probe
 * @param attempt    the job's attempt; 0 for a probe
 * @param secretHash the secret's SHA-256, in hex: the secret itself is never stored
 * @param expiresAt  when a probe's credential stops working; null for a node's, which lives as long as the attempt
 */
public record IdentityCredential(String secretHash, String workspace, String cluster, String nodeId, String jobName,
                                 int attempt, Instant issuedAt, Instant expiresAt) {

    public IdentityCredential {
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if ((nodeId == null) != (jobName == null)) {
            throw new IllegalArgumentException("a credential names both a node and a job, or neither (a probe)");
        }
    }

    public static IdentityCredential forAttempt(String secretHash, Job job, String cluster, String nodeId,
                                                Instant at) {
        return new IdentityCredential(secretHash, job.workspace(), cluster, nodeId, job.name(), job.attempt(), at,
                null);
    }

    public static IdentityCredential forProbe(String secretHash, String workspace, String cluster, Instant at,
                                              Instant expiresAt) {
        return new IdentityCredential(secretHash, workspace, cluster, null, null, 0, at, expiresAt);
    }

    public boolean isProbe() {
        return jobName == null;
    }
}
