package dev.computestudio.domain.port;

import dev.computestudio.domain.IssuedToken;

/**
 * Asks the managed-identity endpoint for a token exactly as a job on a cluster would (the same
 * request, a secret of its own for that cluster), then verifies the answer against the published
 * keys. Refusals come back as {@code ConflictException} with the endpoint's status and reason.
 */
@FunctionalInterface
public interface TokenProbe {

    /**
     * @param resource the audience, e.g. https://management.azure.com/
     * @param clientId the identity asked for; null for the cluster's default one
     */
    IssuedToken requestAsJobOn(String workspace, String cluster, String resource, String clientId);
}
